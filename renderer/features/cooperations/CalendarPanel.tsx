// 考核日历: where this cooperation's trial and assessment periods lie (seed 001), or its assessed months
// (seed 002), with the one today falls in marked. Display only: shared/lifecycle/periods computes the dates.
import type { Cooperation } from '../../../shared/cooperations/views';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { today } from '../rounds/common/form-utils';
import { cooperationCalendar, formatMonth, type CalendarRow } from './calendar-model';

export function CalendarPanel({ cooperation, rules }: { cooperation: Cooperation; rules: KpiRuleSet | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (!rules) {
    return (
      <section className="panel">
        <h2>{t('cooperation.calendar.title')}</h2>
        <p className="hint">{t('cooperation.calendar.noRules')}</p>
      </section>
    );
  }
  if (rules.kind === 'noAssessment') {
    return (
      <section className="panel">
        <h2>{t('cooperation.calendar.title')}</h2>
        <p className="hint">{t('cooperation.calendar.noAssessment')}</p>
      </section>
    );
  }
  const calendar = cooperationCalendar(cooperation, rules, today());
  const name = (row: CalendarRow) =>
    row.period.kind === 'trial' ? t(row.shortened ? 'cooperation.calendar.trialShortened' : 'cooperation.calendar.trial') : row.period.kind === 'regular' ? t('cooperation.calendar.regular', { n: row.period.index }) : formatMonth(row.period.months[0]!, locale);
  // Once the cooperation has ended, the period it ended in is marked and a later one was never run.
  const stateText = (row: CalendarRow) =>
    cooperation.endedOn && row.state !== 'past' ? t(row.state === 'current' ? 'cooperation.calendar.endedIn' : 'cooperation.calendar.notRun') : t(`cooperation.calendar.state.${row.state}`);
  return (
    <section className="panel" aria-labelledby="coop-calendar-title">
      <h2 id="coop-calendar-title">{t('cooperation.calendar.title')}</h2>
      <p className="hint">
        {calendar.kind === 'periodic'
          ? t('cooperation.calendar.periodicIntro', { trial: rules.kind === 'periodic' ? rules.trialMonths : 0, period: rules.kind === 'periodic' ? rules.periodMonths : 0 })
          : t('cooperation.calendar.monthlyIntro', { certified: formatDay(cooperation.startedOn, locale), month: formatMonth(calendar.firstMonth!, locale) })}
      </p>
      {calendar.hiddenBefore > 0 && <p className="hint">{t('cooperation.calendar.hidden', { count: calendar.hiddenBefore })}</p>}
      {calendar.rows.length === 0 ? (
        <p className="hint">{t('cooperation.calendar.notStarted')}</p>
      ) : (
        <table className="table compact coop-calendar">
          <thead>
            <tr>
              <th>{t('cooperation.calendar.period')}</th>
              <th>{t('cooperation.calendar.range')}</th>
              <th>{t('cooperation.calendar.checkOn')}</th>
              <th>{t('cooperation.calendar.state')}</th>
            </tr>
          </thead>
          <tbody>
            {calendar.rows.map((row) => (
              <tr key={`${row.period.kind}${row.period.index}`} className={`coop-period-${row.state}`}>
                <td>{name(row)}</td>
                <td>{formatDay(row.period.start, locale)} – {formatDay(row.period.end, locale)}</td>
                <td>{formatDay(row.period.end, locale)}</td>
                <td>{stateText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
