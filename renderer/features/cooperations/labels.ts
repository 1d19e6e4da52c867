// Locale keys for cooperation statuses, events and reasons. Maps, not built strings, so the compiler checks
// that every status and event has a text (MessageKey comes from the zh-CN files).
import type { CooperationEvent, CooperationStatus } from '../../../shared/lifecycle/cooperation';
import type { BanReason, Readmission } from '../../../shared/eligibility/readmission';
import { translate, type Locale, type MessageKey } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';

export const STATUS_LABEL: Record<CooperationStatus, MessageKey> = {
  trial: 'cooperations.status.trial',
  formal: 'cooperations.status.formal',
  rectification: 'cooperations.status.rectification',
  terminated: 'cooperations.status.terminated',
  exited: 'cooperations.status.exited',
};

export const EVENT_LABEL: Record<CooperationEvent | 'admit', MessageKey> = {
  admit: 'cooperation.event.admit',
  confirm: 'cooperation.event.confirm',
  rectify: 'cooperation.event.rectify',
  resolveRectification: 'cooperation.event.resolveRectification',
  terminate: 'cooperation.event.terminate',
  exit: 'cooperation.event.exit',
};

/** The reason categories of DOMAIN §5, worded as screening words them (one text for both places). */
export const BAN_REASON_LABEL: Record<BanReason, MessageKey> = {
  agencyRules: 'screening.banReason.agencyRules',
  requirementsNotMet: 'screening.banReason.requirementsNotMet',
  failedAssessment: 'screening.banReason.failedAssessment',
  illegal: 'screening.banReason.illegal',
  voluntaryExit: 'screening.banReason.voluntaryExit',
};

export const isBanReason = (v: unknown): v is BanReason => typeof v === 'string' && v in BAN_REASON_LABEL;

/** 可于 2027年5月22日起再次申请 / 永久不允许再准入 / 重新满足准入要求后可再次申请 / 由组长按《机构管理规范》确定. */
export function readmissionText(r: Readmission, locale: Locale): string {
  switch (r.kind) {
    case 'date':
      return translate('cooperation.readmission.date', { date: formatDay(r.until, locale) }, locale);
    case 'never':
      return translate('cooperation.readmission.never', {}, locale);
    case 'whenRequirementsMet':
      return translate('cooperation.readmission.whenRequirementsMet', {}, locale);
    case 'chairSets':
      return translate('cooperation.readmission.chairSets', {}, locale);
  }
}

/** A stored event's readmission detail ({ kind, until? }), checked: it is JSON from the database. */
export function readmissionOf(detail: Record<string, unknown>): Readmission | null {
  const r = detail.readmission as { kind?: unknown; until?: unknown } | undefined;
  if (r?.kind === 'date' && typeof r.until === 'string') return { kind: 'date', until: r.until };
  if (r?.kind === 'never' || r?.kind === 'whenRequirementsMet') return { kind: r.kind };
  return null;
}
