// The round's ranking fed one score at a time (issue 8: 1.2 M scores at platform scale). rankRound takes the
// scores as an array of objects and groups them (check-input.ts's duplicate maps, aggregate.ts's per-member
// lists); at that size the array, the maps and the grouped copies were most of the server's memory during a
// ranking and most of the core's time. Here each score is checked and filed into its (application,
// criterion) cell as it is read — the application's position and the member's small index, no object per
// score — and every aggregate is computed once per application, not once per region it applies to.
//
// Same rules, same results: the checks are check-input.ts's (the structure, value and recusal checks are
// the same functions; duplicates are found per cell), the aggregates are aggregate.ts's aggregateHundredths
// over the same values (exact, rounded once: 加权总分由精确值计算，只在最后四舍五入到两位小数), and the candidates
// and regions are built and ranked as in rank-round.ts. test/unit/ranking/stream.test.ts checks, for random
// rounds (valid and invalid), that rankRoundStreamed equals rankRound, thrown issues included.
import { aggregateHundredths, isScoredCriterion } from './aggregate';
import { checkRoundStructure, RankingInputError, recusalIssues, scoreValueIssue, type InputIssue } from './check-input';
import { compareIds } from './compare';
import { fromHundredths, toHundredths } from './decimal';
import { formatRatio, roundRatio, type Ratio } from './exact';
import { benchmarkQuote, isValidQuote, priceScoreExact } from './price-score';
import { rankRegion, weightedTotalHundredths, type RegionCandidate } from './rank-region';
import type { CriterionResult, RoundRanking } from './results';
import { resolveRankingOptions, type RankingOptionsInput } from './schema';
import { aggregateSmall, weightedTotalSmall, type SmallRatio } from './small';
import type { ApplicationInput, CriterionKey, RankingOptions, RoundInput } from './types';

/** A round without its scores: they are fed to a ScoreStream. */
export type RoundBase = Omit<RoundInput, 'scores'>;

interface Scored {
  readonly result: CriterionResult;
  readonly exact: Ratio | null;
  /** The same exact value in plain integers (small.ts), when they are safe; the total then needs no BigInt. */
  readonly small?: SmallRatio | null;
}

export class ScoreStream {
  readonly options: RankingOptions;
  private readonly base: RoundBase;
  private readonly structureIssues: InputIssue[];
  private readonly applicationIds: Set<string>;
  private readonly appIndex = new Map<string, number>();
  private readonly criterionIndex = new Map<string, number>();
  private readonly scored: boolean[];
  private readonly memberIndex = new Map<string, number>();
  private readonly memberIds: string[] = [];
  /**
   * Per (application, criterion), at appIndex × criteria + criterionIndex: member index and hundredths, in
   * pairs. A score that counts in no aggregate (recused member, computed price) is kept for the duplicate
   * check with its member index complemented (~m < 0).
   */
  private readonly cells: (number[] | undefined)[];
  /** Distinct recused members per application position. */
  private readonly recused: (Set<number> | undefined)[];
  private readonly scoreIssues: InputIssue[] = [];
  /** Duplicate check for scores of unknown applications or criteria (they refuse the round anyway). */
  private readonly otherSeen = new Map<string, Map<string, Set<string>>>();

  /** Throws ZodError on invalid options, like rankRound. */
  constructor(base: RoundBase, optionsInput: RankingOptionsInput = {}) {
    this.options = resolveRankingOptions(optionsInput);
    this.base = base;
    const { issues, applicationIds } = checkRoundStructure(base);
    this.structureIssues = issues;
    this.applicationIds = applicationIds;
    base.applications.forEach((a, i) => {
      if (!this.appIndex.has(a.applicationId)) this.appIndex.set(a.applicationId, i);
    });
    this.options.criteria.forEach((c, i) => {
      if (!this.criterionIndex.has(c.key)) this.criterionIndex.set(c.key, i);
    });
    this.scored = this.options.criteria.map((c) => isScoredCriterion(c.key, this.options));
    this.cells = new Array<number[] | undefined>(base.applications.length * this.options.criteria.length);
    this.recused = new Array<Set<number> | undefined>(base.applications.length);
    for (const r of base.recusals) {
      const a = this.appIndex.get(r.applicationId);
      if (a !== undefined) (this.recused[a] ??= new Set()).add(this.member(r.memberId));
    }
  }

  /** The member's small index (ids are compared as strings everywhere; this only saves hashing them per score). */
  member(memberId: string): number {
    let m = this.memberIndex.get(memberId);
    if (m === undefined) {
      m = this.memberIds.length;
      this.memberIds.push(memberId);
      this.memberIndex.set(memberId, m);
    }
    return m;
  }

  /** One score, checked as checkRoundInput checks it (its issues in the order fed). `member` from member(). */
  add(applicationId: string, member: number, criterion: CriterionKey, value: number): void {
    this.addAt(this.appIndex.get(applicationId), applicationId, member, criterion, value);
  }

  /**
   * add() for a score of an application the round has; a score of any other application is skipped (the
   * services pass the scores of withdrawn applications this way: they are not in the round's input). One
   * lookup of the application per score instead of has() and add().
   */
  addIfPresent(applicationId: string, member: number, criterion: CriterionKey, value: number): void {
    const a = this.appIndex.get(applicationId);
    if (a !== undefined) this.addAt(a, applicationId, member, criterion, value);
  }

  private addAt(a: number | undefined, applicationId: string, member: number, criterion: CriterionKey, value: number): void {
    const c = this.criterionIndex.get(criterion);
    if (a === undefined) this.issue('unknownApplication', applicationId, member, criterion);
    if (c === undefined) this.issue('unknownCriterion', applicationId, member, criterion);
    const valueIssue = scoreValueIssue(value, this.options);
    if (valueIssue) this.issue(valueIssue, applicationId, member, criterion);
    if (a === undefined || c === undefined) {
      const memberId = this.memberIds[member]!;
      let byMember = this.otherSeen.get(applicationId);
      if (!byMember) this.otherSeen.set(applicationId, (byMember = new Map()));
      let seen = byMember.get(memberId);
      if (!seen) byMember.set(memberId, (seen = new Set()));
      if (seen.has(criterion)) this.issue('duplicateScore', applicationId, member, criterion);
      seen.add(criterion);
      return;
    }
    const k = a * this.scored.length + c;
    let cell = this.cells[k];
    if (!cell) this.cells[k] = cell = [];
    for (let i = 0; i < cell.length; i += 2) {
      if (cell[i] === member || cell[i] === ~member) return this.issue('duplicateScore', applicationId, member, criterion);
    }
    // Recused members' scores and scores of a computed price count in no aggregate (aggregate.ts collectScores).
    const counts = this.scored[c]! && !this.recused[a]?.has(member);
    cell.push(counts ? member : ~member, toHundredths(value));
  }

  private issue(code: InputIssue['code'], applicationId: string, member: number, criterion: CriterionKey): void {
    this.scoreIssues.push({ code, applicationId, memberId: this.memberIds[member]!, criterion });
  }

  /** Every problem of the round's data in checkRoundInput's order (structure, scores as fed, recusals). */
  issues(): InputIssue[] {
    return [...this.structureIssues, ...this.scoreIssues, ...recusalIssues(this.base.recusals, this.applicationIds)];
  }

  /** rankRound over the scores fed so far. Throws RankingInputError on the issues checkRoundInput would find. */
  rank(): RoundRanking {
    const issues = this.issues();
    if (issues.length > 0) throw new RankingInputError(issues);
    const options = this.options;
    const weightsH = options.criteria.map((c) => toHundredths(c.weight));
    // The members' aggregates do not depend on the region: once per application.
    const perApp = this.base.applications.map((_, a) => options.criteria.map(({ key }, c) => (this.scored[c] ? this.aggregate(a, c, key) : null)));
    const byRegion = new Map<string, { app: ApplicationInput; index: number; preference: number }[]>();
    this.base.applications.forEach((app, index) => {
      for (const choice of app.regions) {
        const list = byRegion.get(choice.regionId) ?? [];
        list.push({ app, index, preference: choice.preference });
        byRegion.set(choice.regionId, list);
      }
    });
    const regions = [...this.base.regions].sort((a, b) => compareIds(a.regionId, b.regionId));
    return {
      options,
      regions: regions.map((region) => {
        const members = byRegion.get(region.regionId) ?? [];
        const benchmark = options.priceMode === 'lowestPrice' ? benchmarkQuote(members.filter((m) => m.app.eligible).map((m) => m.app.priceQuote)) : null;
        const candidates = members.map(({ app, index, preference }) => this.candidate(app, preference, perApp[index]!, this.recused[index]?.size ?? 0, benchmark, weightsH));
        return rankRegion(region, benchmark, candidates, options);
      }),
    };
  }

  private aggregate(a: number, c: number, key: CriterionKey): Scored {
    const cell = this.cells[a * this.scored.length + c];
    const values: number[] = [];
    if (cell) for (let i = 0; i < cell.length; i += 2) if (cell[i]! >= 0) values.push(cell[i + 1]!);
    const agg = aggregateSmall(values, this.options.aggregation, this.options.trimMinScores);
    if (agg === null) {
      const big = aggregateHundredths(values, this.options.aggregation, this.options.trimMinScores);
      return {
        result: { criterion: key, value: big.value === null ? null : fromHundredths(big.value), exactH: big.exact === null ? null : formatRatio(big.exact), count: big.count, method: this.options.aggregation, trimmed: big.trimmed },
        exact: big.exact,
      };
    }
    return {
      result: { criterion: key, value: agg.value === null ? null : fromHundredths(agg.value), exactH: agg.num === null ? null : `${agg.num}/${agg.den}`, count: values.length, method: this.options.aggregation, trimmed: agg.trimmed },
      exact: agg.num === null ? null : { num: BigInt(agg.num), den: BigInt(agg.den) },
      small: agg.num === null ? null : { num: agg.num, den: agg.den },
    };
  }

  /** rank-round.ts candidate(), from the application's aggregates. */
  private candidate(app: ApplicationInput, preference: number, scored: readonly (Scored | null)[], recusedMembers: number, benchmark: number | null, weightsH: readonly number[]): RegionCandidate {
    const options = this.options;
    const criteria: CriterionResult[] = [];
    const exacts: (Ratio | null)[] = [];
    const smalls: (SmallRatio | null | undefined)[] = [];
    options.criteria.forEach(({ key }, c) => {
      const s = scored[c];
      if (s) {
        criteria.push(s.result);
        exacts.push(s.exact);
        smalls.push(s.small);
        return;
      }
      smalls.push(undefined);
      // Computed price; an ineligible application takes no part in the price competition, so it gets none.
      const exact = app.eligible ? priceScoreExact(app.priceQuote, benchmark, options.scale.max) : null;
      criteria.push({ criterion: key, value: exact === null ? null : fromHundredths(roundRatio(exact)), exactH: exact === null ? null : formatRatio(exact), count: 0, method: 'lowestPrice', trimmed: false });
      exacts.push(exact);
    });
    const missingCriteria: CriterionKey[] = app.eligible ? criteria.filter((c) => c.value === null).map((c) => c.criterion) : [];
    const standing = !app.eligible ? 'ineligible' : missingCriteria.length > 0 ? 'incomplete' : 'ranked';
    return {
      applicationId: app.applicationId,
      applicantId: app.applicantId,
      preference,
      standing,
      criteria,
      missingCriteria,
      // The exact total, rounded once: in plain integers when every term is (small.ts checks they stay
      // safe), else with BigInt ratios (rank-region.ts).
      totalH: standing === 'ranked' ? (weightedTotalSmall(smalls, weightsH) ?? weightedTotalHundredths(exacts, weightsH)) : null,
      priceQuote: app.priceQuote,
      invalidQuote: options.priceMode === 'lowestPrice' && app.eligible && !isValidQuote(app.priceQuote),
      recusedMembers,
    };
  }
}

/** rankRound(input, options) through a ScoreStream (the scores fed in input order). */
export function rankRoundStreamed(input: RoundInput, optionsInput: RankingOptionsInput = {}): RoundRanking {
  const stream = new ScoreStream(input, optionsInput);
  for (const s of input.scores) stream.add(s.applicationId, stream.member(s.memberId), s.criterion, s.value);
  return stream.rank();
}
