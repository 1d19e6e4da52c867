// What the backend returns about cooperations (合作) and letters: plain objects shared with the renderer.
import type { CooperationEvent, CooperationStatus } from '../lifecycle/cooperation';
import type { BanReason } from '../eligibility/readmission';
import type { LetterFields, LetterKind } from '../letters/kinds';
import type { LetterTemplate, RenderedLetter } from '../letters/template';
import type { LetterNumberStyle } from '../letters/letter-number';
import type { LetterRulePreset, ProgramLetterSettings } from '../letters/program-settings';

export interface CooperationSummary {
  id: string;
  programId: string;
  programName: string;
  dossierId: number;
  legalName: string;
  creditCode: string;
  regionName: string;
  status: CooperationStatus;
  startedOn: string;
  endedOn: string | null;
  endReason: BanReason | null;
}

export interface CooperationEventView {
  id: string;
  event: CooperationEvent | 'admit';
  effectiveOn: string;
  fromStatus: CooperationStatus | null;
  toStatus: CooperationStatus;
  reason: string;
  detail: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
}

export interface Cooperation extends CooperationSummary {
  roundId: string | null;
  applicationId: string | null;
  regionId: string | null;
  version: number;
  events: CooperationEventView[];
}

export interface WaitlistCandidate {
  applicationId: string;
  legalName: string;
  creditCode: string;
  waitlistPosition: number;
  total: number | null;
}

/** A letter template as in force: the chair's edit, or the built-in text. */
export interface EffectiveTemplate extends LetterTemplate {
  name: string;
  prefix: string;
  /** 〔2026〕1号 ('plain', GB/T 9704) or 〔2026〕第001号 ('padded'). */
  numberStyle: LetterNumberStyle;
  builtIn: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Optimistic version: 0 while the built-in text applies; a save names the version it was based on. */
  version: number;
}

/** A letter exactly as issued (content and hash never change; voiding only marks it). */
export interface IssuedLetter {
  id: string;
  kind: LetterKind;
  number: string;
  dossierId: number;
  cooperationId: string | null;
  runId: string | null;
  fields: LetterFields;
  content: RenderedLetter;
  sha256: string;
  /** The stored content re-hashed on reading: 'mismatch' means it is no longer the letter as issued. */
  integrity: 'ok' | 'mismatch';
  /** The change history's chain head when the letter was issued; null for letters issued before it was kept. */
  chainHead: string | null;
  issuedAt: string;
  issuedBy: string;
  voidedAt: string | null;
  voidReason: string | null;
  /** Why the effective date precedes the letter date, as the chair confirmed it when issuing; null if it does not. */
  backdateReason: string | null;
}

/** A program's letter settings as in force, with the defaults of every platform's rules to start from. */
export interface ProgramLetterSettingsView {
  programId: string;
  settings: ProgramLetterSettings;
  /** The platform rules this program's defaults come from. */
  defaultPreset: LetterRulePreset;
  presets: Record<LetterRulePreset, ProgramLetterSettings>;
  presetNames: Record<LetterRulePreset, string>;
  /** Whether the chair edited them (false: the defaults apply). */
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}
