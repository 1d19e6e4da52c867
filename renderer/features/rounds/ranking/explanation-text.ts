// Words for an Explanation (shared/ranking/explain.ts): the facts and reason codes the ranking core gives,
// phrased from locale keys. The first sentence says the result; the next ones say why (tie-breaks, ties
// the committee must settle, recusals, an invalid quote). Nothing here decides anything.
import type { Explanation, ExplanationReason } from '../../../../shared/ranking/explain';
import type { TieBreakDecision } from '../../../../shared/ranking/results';
import type { MessageKey, Params } from '../../../i18n/i18n';
import { formatTotal } from './status';

export interface ExplainContext {
  t: (key: MessageKey, params?: Params) => string;
  applicationName: (id: string) => string;
  regionName: (id: string) => string;
  criterionName: (key: string) => string;
  /** The other applications of a still-tied group. */
  tiedWith: (groupId: string, self: string) => string[];
  /** How a list of names is joined ("、" in Chinese, ", " in English). */
  join: (names: string[]) => string;
}

function outcome(e: Explanation, reason: ExplanationReason | undefined, c: ExplainContext): string {
  const { t } = c;
  const cutoff = e.cutoffTotal === null ? null : formatTotal(e.cutoffTotal);
  const result = e.status === 'waitlist' ? t('ranking.explain.waitlistPosition', { position: e.waitlistPosition ?? '' }) : t('ranking.explain.notAdmitted');
  switch (e.status) {
    case 'admitted':
      return t('ranking.explain.admitted', { quota: e.quota });
    case 'belowMinimum':
      return t('ranking.explain.belowMinimum', { minimum: formatTotal(e.minimumTotal) });
    case 'tiedAtCutoff':
      return t('ranking.explain.tiedAtCutoff', { quota: e.quota, names: c.join(c.tiedWith(e.stillTiedGroup ?? '', e.applicationId)), seats: e.seatsPendingCommittee });
    case 'waitlist':
    case 'notAdmitted':
      if (reason?.code === 'preferredRegionWon') return t('ranking.explain.preferredRegionWon', { regions: c.join(reason.wonRegionIds.map(c.regionName)), cap: reason.cap, result });
      return cutoff === null ? t('ranking.explain.quotaFullNoCutoff', { quota: e.quota, result }) : t('ranking.explain.quotaFull', { quota: e.quota, cutoff, result });
    default:
      return '';
  }
}

function tieBreakText(d: TieBreakDecision, c: ExplainContext): string {
  const name = c.applicationName(d.against);
  const key = `ranking.explain.tie.${d.level}.${d.outcome}` as MessageKey;
  return c.t(key, { name });
}

function informational(e: Explanation, reason: ExplanationReason, c: ExplainContext): string | null {
  switch (reason.code) {
    case 'stillTied':
      return c.t('ranking.explain.stillTied', { names: c.join(c.tiedWith(reason.groupId, e.applicationId)) });
    case 'committeeOrderIncomplete':
      return c.t('ranking.explain.committeeOrderIncomplete');
    case 'recusedMembers':
      return c.t('ranking.explain.recused', { count: reason.count });
    case 'invalidQuote':
      return c.t('ranking.explain.invalidQuote');
    default:
      return null;
  }
}

/** The explanation as sentences, the decisive one first. */
export function explanationSentences(e: Explanation, c: ExplainContext): string[] {
  const { t } = c;
  const [decisive] = e.reasons;
  let first: string;
  if (e.status === 'ineligible') first = t('ranking.explain.ineligible');
  else if (e.status === 'incomplete') first = t('ranking.explain.incomplete', { criteria: c.join((decisive?.code === 'incomplete' ? decisive.missingCriteria : []).map(c.criterionName)) });
  else first = `${t('ranking.explain.rank', { rank: e.rank ?? '', count: e.rankedCount, total: formatTotal(e.total) })}${t('ranking.explain.separator')}${outcome(e, decisive, c)}`;
  const rest = [...e.tieBreaks.map((d) => tieBreakText(d, c)), ...e.reasons.map((r) => informational(e, r, c)).filter((s): s is string => s !== null)];
  // tiedAtCutoff already says the committee must decide; other provisional placements say what waits on it.
  // `provisional` is absent from results frozen before it existed.
  const pending = e.provisional === true && e.status !== 'tiedAtCutoff' ? [t('ranking.explain.provisional')] : [];
  return [first, ...pending, ...rest];
}
