// The dated history of a cooperation (合作记录): every event with its effective date, the status it moved
// from and to, the reason as recorded, the facts kept with it (re-admission, exit conditions, waitlist
// position, the assessment run) and who recorded it when.
import type { ReactNode } from 'react';
import type { CooperationEventView } from '../../../shared/cooperations/views';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../lib/format';
import { formatMonth } from './calendar-model';
import { BAN_REASON_LABEL, EVENT_LABEL, STATUS_LABEL, isBanReason, readmissionOf, readmissionText } from './labels';

function EventDetails({ event }: { event: CooperationEventView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const d = event.detail;
  const items: ReactNode[] = [];
  if (typeof d.admittedOn === 'string' && d.admittedOn !== event.effectiveOn) items.push(t('cooperation.history.admittedOn', { date: formatDay(d.admittedOn, locale) }));
  if (d.fromWaitlist === true) items.push(t('cooperation.history.fromWaitlist', { position: String(d.waitlistPosition ?? '') }));
  if (typeof d.replaces === 'string') items.push(<a href={`#/cooperations/${d.replaces}`}>{t('cooperation.history.replaces')}</a>);
  if (event.event === 'admit' && typeof d.roundId === 'string') items.push(<a href={`#/rounds/${d.roundId}/ranking`}>{t('cooperation.history.round')}</a>);
  if (typeof d.confirmedThrough === 'string') items.push(t('cooperation.history.confirmedThrough', { month: formatMonth(d.confirmedThrough, locale) }));
  if (isBanReason(d.banReason)) items.push(t('cooperation.history.banReason', { reason: t(BAN_REASON_LABEL[d.banReason]) }));
  const readmission = readmissionOf(d);
  if (readmission) items.push(<strong>{readmissionText(readmission, locale)}</strong>);
  if (Array.isArray(d.regions) && d.regions.length > 0) items.push(t('cooperation.history.regions', { regions: d.regions.map(String).join('、') }));
  if (typeof d.ruleBasis === 'string') items.push(t('cooperation.history.ruleBasis', { rules: d.ruleBasis }));
  if (typeof d.requestReceivedOn === 'string') items.push(t('cooperation.history.requestReceivedOn', { date: formatDay(d.requestReceivedOn, locale) }));
  const checklist = d.exitChecklist as { feesSettled?: boolean; obligationsFulfilled?: boolean; serviceRulesMet?: boolean } | undefined;
  if (checklist?.feesSettled) items.push(`✓ ${t('cooperation.exit.feesSettled')}`);
  if (checklist?.obligationsFulfilled) items.push(`✓ ${t('cooperation.exit.obligationsFulfilled')}`);
  if (checklist?.serviceRulesMet) items.push(`✓ ${t('cooperation.exit.serviceRulesConditionsMet', { rules: typeof d.ruleBasis === 'string' ? d.ruleBasis : '' })}`);
  if (typeof d.partnerNotified === 'string') items.push(t('cooperation.partnerNotifiedText', { partner: d.partnerNotified }));
  if (typeof d.runId === 'string') items.push(<a href={`#/assessments/${d.runId}`}>{t('cooperation.history.run')}</a>);
  if (items.length === 0) return null;
  return (
    <ul className="coop-event-details">
      {items.map((item, i) => <li key={i}>{item}</li>)}
    </ul>
  );
}

export function EventHistory({ events }: { events: readonly CooperationEventView[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // Newest first, in the order they were recorded: the last decision is what the reader looks for, and an
  // effective date may lie before an earlier record's (a trial starts on the 1st after the admission).
  const rows = [...events].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <section className="panel" aria-labelledby="coop-history-title">
      <h2 id="coop-history-title">{t('cooperation.history.title')}</h2>
      <table className="table compact coop-history">
        <thead>
          <tr>
            <th>{t('cooperation.history.effectiveOn')}</th>
            <th>{t('cooperation.history.event')}</th>
            <th>{t('cooperation.history.status')}</th>
            <th>{t('cooperation.history.reason')}</th>
            <th>{t('cooperation.history.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDay(e.effectiveOn, locale)}</td>
              <td className="nowrap"><strong>{t(EVENT_LABEL[e.event])}</strong></td>
              <td className="nowrap">{e.fromStatus ? `${t(STATUS_LABEL[e.fromStatus])} → ` : ''}{t(STATUS_LABEL[e.toStatus])}</td>
              <td>
                <div className="coop-reason">{e.reason}</div>
                <EventDetails event={e} />
              </td>
              <td className="small muted nowrap">{e.recordedBy}<br />{formatDateTime(e.recordedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
