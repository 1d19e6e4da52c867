// Consistency checks of a round's data before ranking. The services layer validates rows as they are
// written; this catches what only the whole round shows (duplicates, references, scale) and is what makes
// the results independent of input order: a second score for the same (application, member, criterion)
// would otherwise be decided by whichever row came last.
import { hasAtMost2Decimals } from './decimal';
import type { RankingOptions, RoundInput } from './types';

export type InputIssueCode =
  | 'duplicateApplication'
  | 'duplicateApplicant' // one application per dossier per round (issue 3: dossier × round)
  | 'duplicateRegion'
  | 'invalidQuota'
  | 'invalidWaitlistLength'
  | 'noRegions'
  | 'unknownRegion'
  | 'duplicateApplicationRegion'
  | 'invalidPreference'
  | 'invalidQuote' // not a number, or more than 2 decimals (a missing or non-positive quote is data, not an error)
  | 'unknownApplication'
  | 'unknownCriterion'
  | 'invalidScore' // not a finite number or more than 2 decimals
  | 'scoreOutOfScale'
  | 'duplicateScore';

export interface InputIssue {
  readonly code: InputIssueCode;
  readonly applicationId?: string;
  readonly regionId?: string;
  readonly memberId?: string;
  readonly criterion?: string;
}

/** Every problem of the round's data, in input order; empty when the round can be ranked. */
export function checkRoundInput(input: RoundInput, options: RankingOptions): InputIssue[] {
  const { issues, applicationIds } = checkRoundStructure(input);
  const criteria = new Set(options.criteria.map((c) => c.key));
  // Duplicates found through nested maps (application → member → criteria), not a JSON key per score: at
  // 1.2 M scores building and hashing those strings was most of the check's time (issue 8).
  const seenScores = new Map<string, Map<string, Set<string>>>();
  for (const s of input.scores) {
    const ref = () => ({ applicationId: s.applicationId, memberId: s.memberId, criterion: s.criterion });
    if (!applicationIds.has(s.applicationId)) issues.push({ code: 'unknownApplication', ...ref() });
    if (!criteria.has(s.criterion)) issues.push({ code: 'unknownCriterion', ...ref() });
    const valueIssue = scoreValueIssue(s.value, options);
    if (valueIssue) issues.push({ code: valueIssue, ...ref() });
    let byMember = seenScores.get(s.applicationId);
    if (!byMember) seenScores.set(s.applicationId, (byMember = new Map()));
    let criteriaSeen = byMember.get(s.memberId);
    if (!criteriaSeen) byMember.set(s.memberId, (criteriaSeen = new Set()));
    if (criteriaSeen.has(s.criterion)) issues.push({ code: 'duplicateScore', ...ref() });
    criteriaSeen.add(s.criterion);
  }
  issues.push(...recusalIssues(input.recusals, applicationIds));
  return issues;
}

/**
 * The checks that need no scores (regions, applications), in input order, and the application ids; shared
 * with the streamed ranking (stream.ts), which checks each score as it is read.
 */
export function checkRoundStructure(input: Pick<RoundInput, 'applications' | 'regions'>): { issues: InputIssue[]; applicationIds: Set<string> } {
  const issues: InputIssue[] = [];
  const regionIds = new Set<string>();
  for (const r of input.regions) {
    if (regionIds.has(r.regionId)) issues.push({ code: 'duplicateRegion', regionId: r.regionId });
    regionIds.add(r.regionId);
    if (!Number.isInteger(r.quota) || r.quota < 0) issues.push({ code: 'invalidQuota', regionId: r.regionId });
    if (!Number.isInteger(r.waitlistLength) || r.waitlistLength < 0) issues.push({ code: 'invalidWaitlistLength', regionId: r.regionId });
  }

  const applicationIds = new Set<string>();
  const applicantIds = new Set<string>();
  for (const a of input.applications) {
    const applicationId = a.applicationId;
    if (applicationIds.has(applicationId)) issues.push({ code: 'duplicateApplication', applicationId });
    applicationIds.add(applicationId);
    if (applicantIds.has(a.applicantId)) issues.push({ code: 'duplicateApplicant', applicationId });
    applicantIds.add(a.applicantId);
    if (a.priceQuote !== null && !hasAtMost2Decimals(a.priceQuote)) issues.push({ code: 'invalidQuote', applicationId });
    if (a.regions.length === 0) issues.push({ code: 'noRegions', applicationId });
    const seenRegions = new Set<string>();
    const seenPreferences = new Set<number>();
    for (const choice of a.regions) {
      const regionId = choice.regionId;
      if (!regionIds.has(regionId)) issues.push({ code: 'unknownRegion', applicationId, regionId });
      if (seenRegions.has(regionId)) issues.push({ code: 'duplicateApplicationRegion', applicationId, regionId });
      seenRegions.add(regionId);
      const p = choice.preference;
      if (!Number.isInteger(p) || p < 1 || seenPreferences.has(p)) issues.push({ code: 'invalidPreference', applicationId, regionId });
      seenPreferences.add(p);
    }
  }
  return { issues, applicationIds };
}

/** A score's own value: finite with at most 2 decimals, on the round's scale. */
export function scoreValueIssue(value: number, options: RankingOptions): 'invalidScore' | 'scoreOutOfScale' | null {
  if (!hasAtMost2Decimals(value)) return 'invalidScore';
  return value < options.scale.min || value > options.scale.max ? 'scoreOutOfScale' : null;
}

/** Recusals of applications the round does not have (listed after every score issue). */
export function recusalIssues(recusals: RoundInput['recusals'], applicationIds: ReadonlySet<string>): InputIssue[] {
  return recusals.filter((r) => !applicationIds.has(r.applicationId)).map((r): InputIssue => ({ code: 'unknownApplication', applicationId: r.applicationId, memberId: r.memberId }));
}

/** Thrown by the ranking functions on data checkRoundInput refuses; call checkRoundInput first for data. */
export class RankingInputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(`ranking input refused: ${issues.map((i) => i.code).join(', ')}`);
    this.name = 'RankingInputError';
    this.issues = issues;
  }
}
