// 考核 (issue 4): per program, the month's KPI figures of its open cooperations in a keyboard-first grid (or
// imported from a spreadsheet), which months are in, and 运行考核 for a month. A program without a KPI rule
// set has nothing to enter yet: the page says so and points to 合作管理, where the rule set is chosen.
import './assessments.css';
import { useEffect, useRef, useState } from 'react';
import { figureFieldsOf, type FigureField } from '../../../shared/cooperations/figure-text';
import { addMonths, isYearMonth } from '../../../shared/lifecycle/months';
import { isAssessed } from '../../../shared/lifecycle/kpi-rules';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { useLoad } from '../rounds/common/use-load';
import { formatMonth, lastMonth } from './format';
import { FiguresGrid } from './FiguresGrid';
import { KpiImportPanel } from './KpiImportPanel';
import { MonthsEntered } from './MonthsEntered';
import { RunAssessmentPanel } from './RunAssessmentPanel';
import { rulesSummary } from './rules-summary';
import { monthRecord, useProgramFigures } from './use-program-figures';
import { pageMemory } from './page-memory';
import { latestMonthWithData, shownInMonth } from './figure-months';
import { MonthInput } from '../../components/DateInput';

export function AssessmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const programs = useLoad(() => api['programs.list']({}), []);
  const [programId, setProgramId] = useState(pageMemory.programId);
  const [month, setMonth] = useState(pageMemory.month || lastMonth());
  // No month remembered (first visit this session): open on the latest month with figures once they load.
  const monthChosen = useRef(pageMemory.month !== '');
  const [importing, setImporting] = useState(false);
  const runButton = useRef<HTMLButtonElement>(null);
  const { data, loadError, cells, saveCell, currentValue, reload } = useProgramFigures(programId);

  useEffect(() => {
    const list = programs.data;
    if (list?.length && !list.some((p) => p.id === programId)) setProgramId(list[list.length - 1]!.id);
  }, [programs.data]);
  useEffect(() => void Object.assign(pageMemory, { programId, month: monthChosen.current ? month : '' }), [programId, month]);

  const error = programs.error ?? loadError;
  const allRules = data?.rules ?? null;
  // 无考核（安心鉴）: no figures, no runs — the page says so instead of an empty grid.
  const rules = allRules && isAssessed(allRules) ? allRules : null;
  const fields: readonly FigureField[] = rules ? figureFieldsOf(rules.kind) : [];
  const latest = data && rules ? latestMonthWithData(data.records, fields) : null;
  useEffect(() => {
    if (!monthChosen.current && latest) setMonth(latest);
  }, [latest]);
  const chooseMonth = (m: string) => {
    monthChosen.current = true;
    setMonth(m);
  };
  const shown = data ? data.cooperations.filter((c) => shownInMonth(c, month)) : [];
  const valueOf = (cooperationId: string, field: FigureField) => (rules ? ((monthRecord(rules, data?.records[cooperationId], month)[field] as number | null) ?? null) : null);
  const filled = data && rules ? shown.reduce((n, c) => n + fields.filter((f) => valueOf(c.id, f) !== null).length, 0) : 0;

  return (
    <section className="page assessments-page">
      <div className="page-header">
        <h1>{t('assessments.title')}</h1>
        <div className="actions">
          {programs.data && programs.data.length > 0 && (
            <label className="inline-field">
              <span>{t('assessments.program')}</span>
              <select value={programId} onChange={(e) => (setProgramId(e.target.value), setImporting(false))}>
                {programs.data.map((p) => <option key={p.id} value={p.id}>{p.platform} · {p.name}</option>)}
              </select>
            </label>
          )}
        </div>
      </div>
      {error && <p className="banner error" role="alert">{error}</p>}
      {programs.data?.length === 0 ? (
        <div className="empty">
          <p>{t('assessments.noPrograms')}</p>
          <a href="#/rounds">{t('assessments.toRounds')}</a>
        </div>
      ) : !data ? (
        !error && <p className="empty">{t('common.loading')}</p>
      ) : allRules && !rules ? (
        <div className="empty no-rules">
          <p>{t('assessments.noAssessment')}</p>
          <button type="button" onClick={() => navigate({ page: 'cooperations' })}>{t('assessments.toCooperations')}</button>
        </div>
      ) : !rules ? (
        <div className="empty no-rules">
          <p>{t('assessments.noRules')}</p>
          <button type="button" className="primary" onClick={() => navigate({ page: 'cooperations' })}>{t('assessments.toCooperations')}</button>
        </div>
      ) : (
        <>
          <p className="rules-summary">{rulesSummary(rules, t, locale)}</p>
          {data.cooperations.length === 0 ? (
            <div className="empty">
              <p>{t('assessments.noCooperations')}</p>
              <button type="button" onClick={() => navigate({ page: 'cooperations' })}>{t('assessments.toCooperations')}</button>
            </div>
          ) : (
            <>
              <div className="figures-toolbar">
                <div className="month-picker">
                  <button type="button" aria-label={t('kpi.prevMonth')} onClick={() => chooseMonth(addMonths(month, -1))}>‹</button>
                  <label className="inline-field">
                    <span>{t('kpi.month')}</span>
                    <MonthInput value={month} onValue={(v) => isYearMonth(v) && chooseMonth(v)} />
                  </label>
                  <button type="button" aria-label={t('kpi.nextMonth')} onClick={() => chooseMonth(addMonths(month, 1))}>›</button>
                </div>
                <span className="muted">{t('kpi.filled', { filled, total: shown.length * fields.length })}</span>
                <button type="button" className="push-right" onClick={() => setImporting((v) => !v)} aria-expanded={importing}>{t('kpi.import.open')}</button>
              </div>
              {importing && <KpiImportPanel programId={programId} kind={rules.kind} onClose={() => setImporting(false)} onImported={(months) => (void reload(), months.length > 0 && chooseMonth(months[months.length - 1]!))} />}
              <h2>{t('kpi.gridTitle', { month: formatMonth(month, locale) })}</h2>
              <p className="muted small keys-hint">{t('kpi.keysHint')}</p>
              <FiguresGrid
                month={month}
                fields={fields}
                cooperations={shown}
                valueOf={valueOf}
                currentValueOf={(cooperationId, field) => currentValue(cooperationId, month, field)}
                cells={cells}
                onSave={(cooperationId, field, value) => void saveCell(cooperationId, month, field, value)}
                afterLast={() => runButton.current?.focus()}
              />
              <div className="assessments-lower">
                <MonthsEntered month={month} fields={fields} cooperations={data.cooperations} records={data.records} onChoose={chooseMonth} />
                <RunAssessmentPanel programId={programId} month={month} runButtonRef={runButton} />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
