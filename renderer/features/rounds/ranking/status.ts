// The result of an application in a region, as the committee says it (入选 / 候补 n / 未入选 …), and the
// colour of its tag. Shared by the ranking table and the printed list.
import type { PlacementStatus } from '../../../../shared/ranking/results';
import type { MessageKey, Params } from '../../../i18n/i18n';

const STATUS_KEY: Record<PlacementStatus, MessageKey> = {
  admitted: 'ranking.status.admitted',
  waitlist: 'ranking.status.waitlist',
  notAdmitted: 'ranking.status.notAdmitted',
  belowMinimum: 'ranking.status.belowMinimum',
  ineligible: 'ranking.status.ineligible',
  tiedAtCutoff: 'ranking.status.tiedAtCutoff',
  incomplete: 'ranking.status.incomplete',
};

export function statusText(t: (key: MessageKey, params?: Params) => string, status: PlacementStatus, waitlistPosition: number | null): string {
  return t(STATUS_KEY[status], { position: waitlistPosition ?? '' });
}

/**
 * The mark of a placement that waits for the committee's order of a still-tied group (shared/ranking/
 * provisional.ts), shown beside the status; null when settled. tiedAtCutoff's own words (并列待定) already say
 * it, so it gets no second mark. `provisional` may be absent from results frozen before it existed.
 */
export function provisionalText(t: (key: MessageKey, params?: Params) => string, status: PlacementStatus, provisional: boolean | undefined): string | null {
  return provisional === true && status !== 'tiedAtCutoff' ? t('ranking.provisional') : null;
}

/** CSS class of the status tag (ranking.css / print.css). */
export const statusClass = (status: PlacementStatus): string => `status-tag status-${status}`;

/** Totals and criterion scores are published with 2 decimals (保留两位小数, shared/ranking/defaults.ts). */
export const formatTotal = (value: number | null): string => (value === null ? '—' : value.toFixed(2));
