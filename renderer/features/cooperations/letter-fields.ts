// Starting values of a letter about this cooperation: who and where from the cooperation, the platform from
// its program; for 终止合作通知 the effective date, the reason category's suggested reason and clause (the
// letter pack's phrases) and the re-admission clause as recorded with the 清退/主动退出 event; for 整改通知 the
// reason the chair recorded with 整改. The rule cited and the region(s) come from the ending event when it
// recorded them. Unknown values are left out, for the chair to fill in the dialog.
import type { Cooperation } from '../../../shared/cooperations/views';
import { buildLetterFields, suggestedTermination, type LetterFacts, type LetterFields, type LetterKind } from '../../../shared/letters';
import type { Program } from '../../../shared/rounds/views';
import { builtinLetters } from '../letters/builtin';
import { isBanReason, readmissionOf } from './labels';

export type CooperationLetterKind = Extract<LetterKind, 'terminationNotice' | 'rectificationNotice'>;

export function cooperationLetterFields(kind: CooperationLetterKind, c: Cooperation, program: Program | null, today: string): LetterFields {
  const phrases = builtinLetters.phrases;
  const facts: LetterFacts = { addressee: c.legalName, creditCode: c.creditCode, region: c.regionName, program: c.programName, platform: program?.platform, letterDate: today };
  const last = (events: readonly string[]) => [...c.events].reverse().find((e) => events.includes(e.event));
  if (kind === 'terminationNotice') {
    const ended = last(['terminate', 'exit']);
    facts.effectiveDate = ended?.effectiveOn ?? c.endedOn;
    const reason = isBanReason(ended?.detail.banReason) ? ended.detail.banReason : c.endReason;
    if (reason) Object.assign(facts, suggestedTermination(reason, phrases));
    facts.readmission = ended ? readmissionOf(ended.detail) : null;
    // The rule the program's terminations cite (安心鉴: 《淘宝网“安心鉴”服务规范》) and the region(s) the
    // ending concerns, as recorded with the event, replace the generic suggestions.
    if (typeof ended?.detail.ruleBasis === 'string' && ended.detail.ruleBasis) facts.clause = ended.detail.ruleBasis;
    if (Array.isArray(ended?.detail.regions) && ended.detail.regions.length > 0) facts.region = ended.detail.regions.map(String).join('、');
  } else {
    const rectify = last(['rectify']);
    if (rectify) facts.reason = rectify.reason;
  }
  const fields = buildLetterFields(facts, phrases);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as LetterFields;
}
