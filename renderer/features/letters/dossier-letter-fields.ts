// Starting values for a letter to one provider, read from its record: the legal name and credit code from
// the dossier; program, platform and region from its latest cooperation, and the texts of that program's
// letter settings (the agreement ended, what else follows, the deposit, the clause its rules give for the
// reason category — program-settings.ts); for a termination notice after a recorded 清退/主动退出, the facts
// as the chair recorded them: the effective date, the reason category with the note written when it was
// recorded, and the re-admission clause (DOMAIN.md §5). Whatever is unknown stays empty for the chair.
import { BAN_REASONS, type BanReason, type Readmission } from '../../../shared/eligibility/readmission';
import { buildLetterFields, suggestedTermination, type LetterFacts, type LetterFields, type LetterKind, type ProgramLetterSettings } from '../../../shared/letters';
import { TERMINAL_STATUSES } from '../../../shared/lifecycle/cooperation';
import { api } from '../../api/client';
import { builtinLetters } from './builtin';
import { recordedReason } from './recorded-reason';

export interface DossierLetterStart {
  fields: LetterFields;
  cooperationId: string | null;
  /** The letter settings of the cooperation's program (null: no cooperation, the pack's texts apply). */
  programSettings: ProgramLetterSettings | null;
}


const isBanReason = (v: unknown): v is BanReason => typeof v === 'string' && (BAN_REASONS as readonly string[]).includes(v);
const isReadmission = (v: unknown): v is Readmission => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

export async function dossierLetterStart(dossierId: number, kind: LetterKind): Promise<DossierLetterStart> {
  const phrases = builtinLetters.phrases;
  const [dossier, cooperations, programs] = await Promise.all([api['dossiers.get']({ id: dossierId }), api['cooperations.list']({ dossierId }), api['programs.list']({})]);
  const facts: LetterFacts = {};
  if (dossier.ok) {
    facts.addressee = dossier.value.dossier.legalName;
    facts.creditCode = dossier.value.dossier.creditCode;
  }
  // The latest cooperation: the one a letter today is about.
  const latest = cooperations.ok ? [...cooperations.value].sort((a, b) => b.startedOn.localeCompare(a.startedOn))[0] : undefined;
  let programSettings: ProgramLetterSettings | null = null;
  if (latest) {
    const settings = await api['letters.programSettings']({ programId: latest.programId });
    programSettings = settings.ok ? settings.value.settings : null;
    if (programSettings && kind === 'terminationNotice') Object.assign(facts, { agreement: programSettings.agreement, consequence: programSettings.consequence, deposit: programSettings.deposit });
    if (programSettings && kind === 'rectificationNotice') facts.clause = programSettings.rectificationClause;
    facts.program = latest.programName;
    facts.region = latest.regionName;
    facts.platform = programs.ok ? programs.value.find((p) => p.id === latest.programId)?.platform : undefined;
    if (kind === 'terminationNotice' && TERMINAL_STATUSES.includes(latest.status)) {
      const detail = await api['cooperations.get']({ id: latest.id });
      const ended = detail.ok ? [...detail.value.events].reverse().find((e) => e.event === 'terminate' || e.event === 'exit') : undefined;
      facts.effectiveDate = ended?.effectiveOn ?? latest.endedOn;
      const reason = isBanReason(ended?.detail.banReason) ? ended.detail.banReason : latest.endReason;
      if (reason) {
        const suggested = programSettings ? { ...programSettings.termination[reason] } : suggestedTermination(reason, phrases);
        Object.assign(facts, suggested, { reason: recordedReason(suggested.reason, ended?.reason) });
      }
      if (isReadmission(ended?.detail.readmission)) facts.readmission = ended.detail.readmission;
    }
  }
  const fields = buildLetterFields(facts, phrases);
  // Only what is known: empty values are left out so the dialog's own defaults (date, issuer) apply.
  return { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as LetterFields, cooperationId: latest?.id ?? null, programSettings };
}
