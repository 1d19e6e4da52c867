// A proposed or confirmed action in words: 整改通知, 清退（可于 2027年7月30日起再申请）. The action and the
// re-admission date are the backend's (the lifecycle core proposed them); this only words them.
import type { Proposal, ProposedAction } from '../../../shared/lifecycle/actions';
import type { AssessmentRun, RunEntry } from '../../../shared/cooperations/assessment-views';
import { formatDay } from '../../lib/format';
import type { Locale, MessageKey, Params } from '../../i18n/i18n';
import { ACTION_LABEL, READMISSION_LABEL } from './labels';

type T = (key: MessageKey, params?: Params) => string;

export function actionText(proposal: Proposal, t: T, locale: Locale): string {
  const words = t(ACTION_LABEL[proposal.action]);
  const clause = readmissionClause(proposal, t, locale);
  return clause ? t('run.action.withDetail', { action: words, detail: clause }) : words;
}

/** When a terminated provider may apply again, in words (可于 2027年7月31日起再申请); null without a termination. */
export function readmissionClause(proposal: Proposal, t: T, locale: Locale): string | null {
  const readmission = proposal.termination?.readmission;
  if (!readmission) return null;
  return t(READMISSION_LABEL[readmission.kind], readmission.kind === 'date' ? { date: formatDay(readmission.until, locale) } : {});
}

/** The proposal the chair confirmed: the proposal itself, or the alternative chosen for missing data. */
export function confirmedProposal(entry: RunEntry, confirmed: string | null): Proposal | null {
  const p = entry.proposal;
  if (!p || !confirmed) return null;
  if (p.action === confirmed) return p;
  const alternatives = p.alternatives ? [p.alternatives.ifPassed, p.alternatives.ifFailed] : [];
  return alternatives.find((a) => a.action === (confirmed as ProposedAction)) ?? null;
}

export type RunAction = AssessmentRun['actions'][number];

/**
 * Per cooperation: its entry, its action row, and whether it can still be confirmed — not once a later run
 * of the month replaced it (superseded), nor while the data changed under it (stale: run the month again) —
 * and whether as proposed in bulk.
 */
export function rowsOf(run: AssessmentRun) {
  const actions = new Map(run.actions.map((a) => [a.cooperationId, a]));
  return run.entries.map((entry) => {
    const action = actions.get(entry.cooperationId) ?? null;
    const confirmed = action?.confirmed ?? null;
    const proposal = entry.proposal;
    const superseded = !confirmed && !!action?.supersededBy;
    const stale = !!entry.stale;
    const open = !!proposal && !confirmed && !superseded;
    return {
      entry,
      action,
      confirmed,
      superseded,
      stale,
      pending: open,
      needsData: open && proposal.requiresOverride,
      bulk: open && !stale && !proposal.requiresOverride,
      chosen: confirmedProposal(entry, confirmed),
    };
  });
}
export type RunRow = ReturnType<typeof rowsOf>[number];
