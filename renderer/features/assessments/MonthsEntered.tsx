// Which months each provider's figures are in for: a compact table of the months around the one shown,
// ✓ all figures, ◐ some, — none. A month header switches the grid to that month.
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { MonthFigures } from '../../../shared/cooperations/assessment-views';
import type { FigureField } from '../../../shared/cooperations/figure-text';
import type { YearMonth } from '../../../shared/lifecycle/months';
import { useLocale, useT } from '../../i18n/i18n';
import { formatMonth, formatMonthShort, monthsUpTo } from './format';

const WINDOW = 6;

interface Props {
  month: YearMonth;
  fields: readonly FigureField[];
  cooperations: readonly CooperationSummary[];
  records: Record<string, MonthFigures[]>;
  onChoose: (month: YearMonth) => void;
}

export function MonthsEntered({ month, fields, cooperations, records, onChoose }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const months = monthsUpTo(month, WINDOW);
  const filledOf = (cooperationId: string, m: YearMonth): number => {
    const record = records[cooperationId]?.find((r) => r.month === m) as Record<string, unknown> | undefined;
    return record ? fields.filter((f) => record[f] !== null && record[f] !== undefined).length : 0;
  };

  return (
    <section className="panel months-entered" aria-labelledby="months-entered-title">
      <h2 id="months-entered-title">{t('kpi.entered.title')}</h2>
      <p className="muted small">{t('kpi.entered.hint')}</p>
      <table className="months-table">
        <thead>
          <tr>
            <th />
            {months.map((m, i) => (
              <th key={m} className={m === month ? 'current' : undefined}>
                <button type="button" className="link" aria-pressed={m === month} title={formatMonth(m, locale)} onClick={() => onChoose(m)}>
                  {formatMonthShort(m, locale, i === 0 || m.endsWith('-01'))}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cooperations.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="months-provider" title={`${c.legalName} · ${c.regionName}`}>{c.legalName}</th>
              {months.map((m) => {
                const filled = filledOf(c.id, m);
                const state = filled === 0 ? 'none' : filled === fields.length ? 'complete' : 'partial';
                const label = state === 'complete' ? t('kpi.entered.complete') : state === 'partial' ? t('kpi.entered.partial', { filled, total: fields.length }) : t('kpi.entered.none');
                return (
                  <td key={m} className={`entered entered-${state}${m === month ? ' current' : ''}`} title={t('kpi.entered.cell', { month: formatMonth(m, locale), state: label })} aria-label={t('kpi.entered.cellFor', { name: c.legalName, month: formatMonth(m, locale), state: label })}>
                    {state === 'complete' ? '✓' : state === 'partial' ? '◐' : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
