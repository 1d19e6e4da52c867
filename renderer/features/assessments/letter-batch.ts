// The letters an assessment run calls for (整改通知 / 终止合作通知), and their field values: addressee,
// credit code, region, program and platform from the cooperation; the reason worded from the KPIs whose
// failure decided the outcome (decisive-failures.ts; wording in resources/letters/assessment-reasons.zh-CN.json
// — document text, always zh-CN — as an official writes it: 环比下降11.11%, 5万元); the clause, the agreement
// ended, what else follows and the deposit from the program's letter settings (program-settings.ts), the
// re-admission wording from the letters pack (builtin.ts); dates written 2027年7月30日 by buildLetterFields.
import reasons from '../../../resources/letters/assessment-reasons.zh-CN.json';
import { buildLetterFields, decisiveFailures, suggestedTermination, type LetterFields, type LetterKind, type ProgramLetterSettings } from '../../../shared/letters';
import type { AssessmentResult, KpiResult } from '../../../shared/lifecycle/results';
import type { Proposal } from '../../../shared/lifecycle/actions';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import type { Program } from '../../../shared/rounds/views';
import { builtinLetters } from '../letters/builtin';
import type { RunRow } from './action-text';
import type { RunContext } from './use-run';

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
const month = (ym: string) => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5, 7))}月`;
/** 89.99%, 90%: two decimals at most, no trailing zeros, no sign (the wording says 增长 or 下降). */
const percent = (n: number) => `${Number(Math.abs(n).toFixed(2))}%`;
const threshold = percent;
/**
 * Figures as a notice writes them: 10,000 or more in 万 when that is exact to two decimals (5万, 1.2万),
 * otherwise the plain number without separators (9800, 31234.5) — the seeds write 5万 and 1万单.
 */
export function amount(n: number): string {
  const wan = n / 10_000;
  if (Math.abs(n) >= 10_000 && Number.isInteger(Math.round(n * 100) / 100) && Number(wan.toFixed(2)) === wan) return `${wan}万`;
  return String(Number(n.toFixed(2)));
}
const count = amount;
const yuan = amount;

function failureText(k: KpiResult): string | null {
  if (k.outcome !== 'fail') return null;
  const f = reasons.failure;
  switch (k.kpi) {
    case 'newlyBound':
      return fill(f.newlyBound, { actual: count(k.actual ?? 0), min: count(k.min) });
    case 'gmv':
      return fill(f.gmv, { actual: yuan(k.actualYuan ?? 0), min: yuan(k.minYuan) });
    case 'firstMonthOrders':
      return fill(f.firstMonthOrders, { actual: count(k.actual ?? 0), min: count(k.min) });
    case 'orderGrowth': {
      const words = { month: month(k.month), min: threshold(k.minPercent) };
      if (k.growthPercent === null) return fill(f.orderUnknown, { ...words, orders: count(k.orders ?? 0), previous: count(k.previousOrders ?? 0) });
      if (k.growthPercent < 0) return fill(f.orderDecline, { ...words, actual: percent(k.growthPercent) });
      if (k.growthPercent === 0) return fill(f.orderFlat, words);
      return fill(f.orderGrowth, { ...words, actual: percent(k.growthPercent) });
    }
    case 'staffPassedExam':
      return fill(f.staffPassedExam, { actual: count(k.actual ?? 0), min: count(k.min) });
    case 'merchantLevel':
      return fill(f.merchantLevel, { actual: String(k.actual ?? ''), min: String(k.min) });
    case 'pickupRate':
      return fill(f.pickupRate, { actual: percent(k.actualPercent ?? 0), min: threshold(k.minPercent) });
    case 'responseRate':
      return fill(f.responseRate, { actual: percent(k.actualPercent ?? 0), min: threshold(k.minPercent) });
  }
}

export function periodWords(result: AssessmentResult): string {
  const months = result.months;
  if (months.length === 1) return fill(reasons.period.month, { month: month(months[0]!) });
  return fill(reasons.period.range, { from: month(months[0]!), to: month(months[months.length - 1]!) });
}

/**
 * "2027年1月考核中，近30天发揽率为89.99%，低于90%的要求": the decisive failures only; null when none failed
 * (an override), for the generic wording.
 */
export function failuresText(result: AssessmentResult | null): { period: string; failures: string } | null {
  if (!result) return null;
  const failures = decisiveFailures(result).map(failureText).filter((s): s is string => s !== null);
  return failures.length ? { period: periodWords(result), failures: failures.join(reasons.separator) } : null;
}

export interface PlannedLetter {
  row: RunRow;
  kind: LetterKind;
  proposal: Proposal;
  dossierId: number | null;
}

const LETTER_KIND: Record<NonNullable<Proposal['letter']>, LetterKind> = { rectificationNotice: 'rectificationNotice', terminationNotice: 'terminationNotice' };

/** Whether a cooperation already has a (not voided) letter of this kind from this run. */
export const alreadyIssued = (letters: readonly IssuedLetter[], cooperationId: string, kind: LetterKind) => letters.some((l) => l.cooperationId === cooperationId && l.kind === kind && !l.voidedAt);

/** The confirmed rows whose action comes with a letter, and whether it was issued already. */
export function lettersOfRun(context: RunContext, rows: readonly RunRow[]) {
  const planned: PlannedLetter[] = [];
  for (const row of rows) {
    const chosen = row.chosen;
    if (!chosen?.letter) continue;
    planned.push({ row, kind: LETTER_KIND[chosen.letter], proposal: chosen, dossierId: context.cooperations.get(row.entry.cooperationId)?.dossierId ?? null });
  }
  const pending = planned.filter((p) => !alreadyIssued(context.letters, p.row.entry.cooperationId, p.kind));
  return { planned, pending };
}

/** What the chair sets once for the whole batch (the issuer block is remembered by the letters feature). */
export interface BatchSettings {
  letterDate: string; // YYYY-MM-DD
  deadline: string; // YYYY-MM-DD, for 整改通知
  rectificationClause: string;
  terminationReason: string;
  terminationClause: string;
  /** From the program's letter settings: the agreement ended, what else follows, the deposit. */
  agreement: string;
  consequence: string;
  deposit: string;
  issuer: LetterFields;
}

type BatchTexts = Pick<BatchSettings, 'rectificationClause' | 'terminationReason' | 'terminationClause' | 'agreement' | 'consequence' | 'deposit'>;

/** The batch's texts from the program's letter settings; without them (not loaded), the pack's. */
export function defaultBatchTexts(program: Program | null, settings: ProgramLetterSettings | null = null): BatchTexts {
  if (settings) {
    const { reason, clause } = settings.termination.failedAssessment;
    return { rectificationClause: settings.rectificationClause, terminationReason: reason, terminationClause: clause, agreement: settings.agreement, consequence: settings.consequence, deposit: settings.deposit };
  }
  const suggested = suggestedTermination('failedAssessment', builtinLetters.phrases);
  return { rectificationClause: fill(reasons.rectification.clause, { program: program?.name ?? '' }), terminationReason: suggested.reason, terminationClause: suggested.clause, agreement: '', consequence: '', deposit: '' };
}

/** The field values of one letter of the batch. */
export function batchLetterFields(p: PlannedLetter, context: RunContext, settings: BatchSettings): LetterFields {
  const { entry } = p.row;
  const failed = failuresText(entry.result);
  const reason =
    p.kind === 'rectificationNotice'
      ? failed
        ? fill(reasons.rectification.reason, failed)
        : fill(reasons.rectification.generic, { period: entry.result ? periodWords(entry.result) : month(context.run.asOf) })
      : failed
        ? fill(reasons.termination.detail, { reason: settings.terminationReason, ...failed })
        : settings.terminationReason;
  const fields = buildLetterFields(
    {
      addressee: entry.legalName,
      creditCode: entry.creditCode,
      region: entry.regionName,
      program: context.program?.name ?? '',
      platform: context.program?.platform ?? '',
      reason,
      clause: p.kind === 'rectificationNotice' ? settings.rectificationClause : settings.terminationClause,
      ...(p.kind === 'terminationNotice' ? { agreement: settings.agreement, consequence: settings.consequence, deposit: settings.deposit } : {}),
      effectiveDate: context.run.effectiveDate,
      readmission: p.proposal.termination?.readmission ?? null,
      deadline: p.kind === 'rectificationNotice' ? settings.deadline : null,
      letterDate: settings.letterDate,
      issuerName: settings.issuer.issuerName,
      issuerDepartment: settings.issuer.issuerDepartment,
      issuerContact: settings.issuer.issuerContact,
    },
    builtinLetters.phrases,
  );
  // Only what this letter has: an empty value stays out, so the backend names it if the template needs it.
  delete fields.letterNumber;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as LetterFields;
}
