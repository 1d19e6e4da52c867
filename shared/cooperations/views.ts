// What the backend returns about cooperations (合作) and letters: plain objects shared with the renderer.
import type { CooperationEvent, CooperationStatus } from '../lifecycle/cooperation';
import type { BanReason } from '../eligibility/readmission';
import type { LetterFields, LetterKind } from '../letters/kinds';
import type { LetterTemplate, RenderedLetter } from '../letters/template';

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
  builtIn: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
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
  issuedAt: string;
  issuedBy: string;
  voidedAt: string | null;
  voidReason: string | null;
}
