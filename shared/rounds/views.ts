// What the backend returns about rounds: plain objects, typed here and shared by services and renderer.
import { z } from 'zod';
import type { RankingOptions } from '../ranking/types';
import type { Rule, ShopFacts } from '../eligibility/rules';
import type { RuleResult, StatementAcceptance } from '../eligibility/evaluate';
import type { IdentityKind } from '../dossiers/identity';
import type { BanReason } from '../eligibility/readmission';

export interface Program {
  id: string;
  platform: string;
  name: string;
  rules: Rule[];
  /** Optimistic version: an update names the version it was based on (lost updates are refused). */
  version: number;
}

export interface Region {
  id: string;
  name: string;
  city: string;
  quota: number;
  waitlistLength: number;
  /** Optimistic version: an update names the version it was based on (lost updates are refused). */
  version: number;
}

export interface RoundSummary {
  id: string;
  name: string;
  programName: string;
  platform: string;
  referenceDate: string;
  status: 'open' | 'finalized';
  origin: 'local' | 'package';
  regionCount: number;
  applicationCount: number;
  memberCount: number;
  /** Each member's score sheet, in the committee's order: submitted or not (the round list's 评分表 column). */
  sheets: { memberId: string; name: string; role: 'chair' | 'member'; submitted: boolean }[];
  updatedAt: string;
}

export interface Round {
  id: string;
  programId: string;
  name: string;
  referenceDate: string;
  status: 'open' | 'finalized';
  /** 'package': imported from a chair's 评审包 on a member's laptop — set-up is read-only (docs/exchange.md). */
  origin: 'local' | 'package';
  options: RankingOptions;
  version: number;
  regions: Region[];
  createdAt: string;
  updatedAt: string;
}

export interface Application {
  id: string;
  dossierId: number;
  /** Absent from packages of earlier versions: an organisation. A person's creditCode is a 居民身份证号 (shown masked). */
  identityKind?: IdentityKind;
  legalName: string;
  creditCode: string;
  city: string;
  priceQuoteYuan: number | null;
  strengthStatement: string;
  /** The committee's acceptance of that very statement (who, when, why); null while awaiting or when there is none. */
  statementAcceptance?: StatementAcceptance | null;
  shopFacts: ShopFacts;
  /** In the applicant's order of preference. */
  regionIds: string[];
  withdrawnAt: string | null;
}

export interface Member {
  id: string;
  name: string;
  role: 'chair' | 'member';
  sheetId: string;
  submittedAt: string | null;
  /** Filled cells / cells to fill (applications not recused × scored criteria). */
  filled: number;
  required: number;
}

export interface Recusal {
  applicationId: string;
  memberId: string;
  reason: string;
  declaredAt: string;
}

/** A recusal as the committee tab lists it: with the applicant's name, so the tab needs no applications list. */
export interface ListedRecusal extends Recusal {
  applicantName: string;
  applicantWithdrawn: boolean;
}

/** The recusal picker's answer (applications.choices): the matches shown, how many more, the only match. */
export interface ApplicantChoicesView {
  options: { id: string; legalName: string; creditCode: string; city: string }[];
  more: number;
  onlyMatchId: string | null;
  /** Applicants a recusal can name at all (not withdrawn): none, and the form is not offered. */
  activeCount: number;
}

export interface ScoreCell {
  applicationId: string;
  criterion: string;
  value: number;
  comment: string;
}

export interface ScoreSheet {
  sheetId: string;
  memberId: string;
  memberName: string;
  submittedAt: string | null;
  /** The criteria members score by hand (price is left out in lowestPrice mode). */
  criteria: string[];
  scale: { min: number; max: number };
  /** Applications this member scores: not withdrawn, not recused, in a stable order. */
  applicationIds: string[];
  recusedApplicationIds: string[];
  cells: ScoreCell[];
}

/** What `scores.submit` answers: the sheet is locked (not the sheet itself: at 20,000 applications that is 80,000 cells nobody reads). */
export interface SubmittedSheet {
  sheetId: string;
  memberId: string;
  submittedAt: string;
  /** Cells on the sheet when it was submitted. */
  cells: number;
}

export interface ScreeningRow {
  applicationId: string;
  regionId: string;
  eligible: boolean;
  /** The rules' verdict before any override. */
  rulesEligible: boolean;
  results: RuleResult[];
  override: { eligible: boolean; reason: string; decidedBy: string; decidedAt: string } | null;
}

export interface ReadmissionBan {
  id: string;
  creditCode: string;
  /** The program it applies in; null = recorded before bans had a program: applies to every program (全部项目). */
  programId: string | null;
  /** '' when unscoped. */
  programName: string;
  /** Effective date of the termination or exit; rounds with an earlier reference date are not affected. */
  startsOn: string;
  /** First day the provider may apply again; null = never. */
  until: string | null;
  reason: BanReason;
  note: string;
  /** Regions the cooperation ended in, for the record and the letter; the ban covers the whole program. */
  regionNames: string[];
  createdAt: string;
  createdBy: string;
}

/** Output schemas for the contract: these views are produced by our own services, so they are typed, not re-validated. */
export const view = <T>() => z.custom<T>(() => true);
