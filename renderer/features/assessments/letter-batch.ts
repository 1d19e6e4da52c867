// The letters an assessment run calls for (整改通知 / 终止合作通知), and their field values: addressee,
// credit code, region, program and platform from the cooperation; the reason worded from the KPIs that
// failed (resources/letters/assessment-reasons.zh-CN.json — document text, always zh-CN); the clause and
// re-admission wording from the letters pack (builtin.ts); dates written 2027年7月30日 by buildLetterFields.
import reasons from '../../../resources/letters/assessment-reasons.zh-CN.json';
import { buildLetterFields, suggestedTermination, type LetterFields, type LetterKind } from '../../../shared/letters';
import type { AssessmentResult, KpiResult } from '../../../shared/lifecycle/results';
import type { Proposal } from '../../../shared/lifecycle/actions';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import type { Program } from '../../../shared/rounds/views';
import { builtinLetters } from '../letters/builtin';
import type { RunRow } from './action-text';
import type { RunContext } from './use-run';

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
const month = (ym: string) => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5, 7))}月`;
const percent = (n: number) => `${n.toFixed(2)}%`;
const threshold = (n: number) => `${Number(n.toFixed(2))}%`;
const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const yuan = (n: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

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
    case 'orderGrowth':
      return fill(f.orderGrowth, { month: month(k.month), actual: k.growthPercent === null ? '—' : percent(k.growthPercent), min: threshold(k.minPercent) });
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

/** "2027年1月考核中，近30天发揽率为89.99%，低于90%的要求"; the generic wording when no figure failed (an override). */
export function failuresText(result: AssessmentResult | null): { period: string; failures: string } | null {
  if (!result) return null;
  const failures = result.kpis.map(failureText).filter((s): s is string => s !== null);
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
  issuer: LetterFields;
}

export function defaultBatchTexts(program: Program | null): Pick<BatchSettings, 'rectificationClause' | 'terminationReason' | 'terminationClause'> {
  const suggested = suggestedTermination('failedAssessment', builtinLetters.phrases);
  return { rectificationClause: fill(reasons.rectification.clause, { program: program?.name ?? '' }), terminationReason: suggested.reason, terminationClause: suggested.clause };
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
