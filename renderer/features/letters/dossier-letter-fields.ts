// Starting values for a letter to one provider, read from its record: the legal name and credit code from
// the dossier; program, platform and region from its latest cooperation; for a termination notice after a
// recorded 清退/主动退出, the effective date, the suggested reason and clause of its reason category and the
// re-admission clause as recorded (DOMAIN.md §5). Whatever is unknown stays empty for the chair to fill in.
import { BAN_REASONS, type BanReason, type Readmission } from '../../../shared/eligibility/readmission';
import { buildLetterFields, suggestedTermination, type LetterFacts, type LetterFields, type LetterKind } from '../../../shared/letters';
import { TERMINAL_STATUSES } from '../../../shared/lifecycle/cooperation';
import { api } from '../../api/client';
import { builtinLetters } from './builtin';

export interface DossierLetterStart {
  fields: LetterFields;
  cooperationId: string | null;
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
  if (latest) {
    facts.program = latest.programName;
    facts.region = latest.regionName;
    facts.platform = programs.ok ? programs.value.find((p) => p.id === latest.programId)?.platform : undefined;
    if (kind === 'terminationNotice' && TERMINAL_STATUSES.includes(latest.status)) {
      const detail = await api['cooperations.get']({ id: latest.id });
      const ended = detail.ok ? [...detail.value.events].reverse().find((e) => e.event === 'terminate' || e.event === 'exit') : undefined;
      facts.effectiveDate = ended?.effectiveOn ?? latest.endedOn;
      const reason = isBanReason(ended?.detail.banReason) ? ended.detail.banReason : latest.endReason;
      if (reason) Object.assign(facts, suggestedTermination(reason, phrases));
      if (isReadmission(ended?.detail.readmission)) facts.readmission = ended.detail.readmission;
    }
  }
  const fields = buildLetterFields(facts, phrases);
  // Only what is known: empty values are left out so the dialog's own defaults (date, issuer) apply.
  return { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as LetterFields, cooperationId: latest?.id ?? null };
}
