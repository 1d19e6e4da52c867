// 运行考核: the month assessed (its figures as entered) and the date the confirmed actions take effect —
// by default the month's last day, the seeds' check date ("自然月的最后一天"); a termination's
// re-admission date counts from it. Below, the program's earlier runs.
import { useEffect, useState, type Ref } from 'react';
import { lastDay, type YearMonth } from '../../../shared/lifecycle/months';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { useLoad } from '../rounds/common/use-load';
import { formatMonth } from './format';
import { DateInput, MonthInput } from '../../components/DateInput';

interface Props {
  programId: string;
  month: YearMonth;
  runButtonRef: Ref<HTMLButtonElement>;
}

export function RunAssessmentPanel({ programId, month, runButtonRef }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [asOf, setAsOf] = useState(month);
  const [effectiveDate, setEffectiveDate] = useState(lastDay(month));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const runs = useLoad(() => api['assessments.list']({ programId }), [programId]);

  // Follows the month shown in the grid; the date follows the month unless the chair changed it.
  useEffect(() => {
    setAsOf(month);
    setEffectiveDate(lastDay(month));
  }, [month]);

  function chooseMonth(value: string) {
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    if (effectiveDate === lastDay(asOf)) setEffectiveDate(lastDay(value));
    setAsOf(value);
  }

  async function run() {
    setBusy(true);
    setError(null);
    const result = await api['assessments.run']({ programId, asOf, effectiveDate });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    navigate({ page: 'assessment-run', id: result.value.id });
  }

  return (
    <section className="panel run-panel" aria-labelledby="run-panel-title">
      <h2 id="run-panel-title">{t('assessments.run.title')}</h2>
      <div className="run-form">
        <label className="field">
          {t('assessments.run.asOf')}
          <MonthInput value={asOf} onValue={chooseMonth} />
        </label>
        <label className="field">
          {t('assessments.run.effectiveDate')}
          <DateInput value={effectiveDate} onValue={setEffectiveDate} />
        </label>
        <button type="button" className="primary" ref={runButtonRef} disabled={busy || !asOf || !effectiveDate} onClick={() => void run()}>
          {busy ? t('assessments.run.running') : t('assessments.run.start', { month: formatMonth(asOf, locale) })}
        </button>
      </div>
      <p className="muted small">{t('assessments.run.effectiveHint')}</p>
      {error && <p className="banner error" role="alert">{error}</p>}

      <h3>{t('assessments.history.title')}</h3>
      {runs.error && <p className="banner error" role="alert">{runs.error}</p>}
      {runs.data && runs.data.length === 0 && <p className="muted">{t('assessments.history.empty')}</p>}
      {runs.data && runs.data.length > 0 && (
        <table className="table runs-table">
          <thead>
            <tr>
              <th>{t('assessments.history.month')}</th>
              <th>{t('assessments.history.effectiveDate')}</th>
              <th>{t('assessments.history.createdBy')}</th>
              <th className="num">{t('assessments.history.confirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.id}>
                <td><a href={`#/assessments/${r.id}`}>{formatMonth(r.asOf, locale)}</a></td>
                <td>{formatDay(r.effectiveDate, locale)}</td>
                <td>{t('assessments.history.by', { name: r.createdBy, time: formatDateTime(r.createdAt, locale) })}</td>
                <td className="num">
                  {r.confirmed}/{r.entries}
                  {r.superseded > 0 && <span className="tag" title={t('assessments.history.supersededHint')}>{t('assessments.history.superseded', { count: r.superseded })}</span>}
                  {r.stale && <span className="tag run-stale-tag" title={t('assessments.history.staleHint')}>{t('assessments.history.stale')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
