// Starting values of a letter about this cooperation: who and where from the cooperation, the platform from
// its program; for 终止合作通知 the effective date, the reason category's wording with the note the chair
// recorded, the clause, agreement, consequence and deposit of the program's letter settings (or the letter
// pack's phrases without them) and the re-admission clause as recorded with the 清退/主动退出 event; for
// 整改通知 the reason the chair recorded with 整改 and the program's clause. Unknown values are left out.
// The region(s) come from the ending event when it recorded them.
import type { Cooperation } from '../../../shared/cooperations/views';
import { buildLetterFields, suggestedTermination, type LetterFacts, type LetterFields, type LetterKind, type ProgramLetterSettings } from '../../../shared/letters';
import { recordedReason } from '../letters/recorded-reason';
import type { Program } from '../../../shared/rounds/views';
import { builtinLetters } from '../letters/builtin';
import { isBanReason, readmissionOf } from './labels';

export type CooperationLetterKind = Extract<LetterKind, 'terminationNotice' | 'rectificationNotice'>;

export function cooperationLetterFields(kind: CooperationLetterKind, c: Cooperation, program: Program | null, today: string, settings: ProgramLetterSettings | null = null): LetterFields {
  const phrases = builtinLetters.phrases;
  const facts: LetterFacts = { addressee: c.legalName, creditCode: c.creditCode, region: c.regionName, program: c.programName, platform: program?.platform, letterDate: today };
  const last = (events: readonly string[]) => [...c.events].reverse().find((e) => events.includes(e.event));
  if (kind === 'terminationNotice') {
    const ended = last(['terminate', 'exit']);
    facts.effectiveDate = ended?.effectiveOn ?? c.endedOn;
    const reason = isBanReason(ended?.detail.banReason) ? ended.detail.banReason : c.endReason;
    if (reason) {
      const suggested = settings ? { ...settings.termination[reason] } : suggestedTermination(reason, phrases);
      Object.assign(facts, suggested, { reason: recordedReason(suggested.reason, ended?.reason) });
    }
    if (settings) Object.assign(facts, { agreement: settings.agreement, consequence: settings.consequence, deposit: settings.deposit });
    facts.readmission = ended ? readmissionOf(ended.detail) : null;
    // Without the program's letter settings, the rule recorded with the event (安心鉴: 《淘宝网“安心鉴”服务规范》)
    // replaces the generic clause; the settings' own clause text, written for the program, wins otherwise.
    // The region(s) the ending concerns, as recorded with the event, are always the ones named.
    if (!settings && typeof ended?.detail.ruleBasis === 'string' && ended.detail.ruleBasis) facts.clause = ended.detail.ruleBasis;
    if (Array.isArray(ended?.detail.regions) && ended.detail.regions.length > 0) facts.region = ended.detail.regions.map(String).join('、');
  } else {
    const rectify = last(['rectify']);
    if (rectify) facts.reason = rectify.reason;
    if (settings) facts.clause = settings.rectificationClause;
  }
  const fields = buildLetterFields(facts, phrases);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as LetterFields;
}
