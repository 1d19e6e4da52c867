// The program's figures as the grid edits them: its KPI rule set (or none yet), its open cooperations, and
// every month record of each. A cell is saved on its own as it is committed — the whole month record of that
// provider goes to kpi.setFigures, which checks it against the rule set — shown at once with a per-cell
// status (saving, saved, refused with the backend's reason).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { MonthFigures } from '../../../shared/cooperations/assessment-views';
import type { FigureField } from '../../../shared/cooperations/figure-text';
import { emptyMonthlyWarningFigures, emptyPeriodicFigures, figuresOf } from '../../../shared/lifecycle/figures';
import { isAssessed, type AssessedRuleSet, type KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import type { YearMonth } from '../../../shared/lifecycle/months';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../../api/client';
import { isMessageKey, translate } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { mayHaveFigures } from './figure-months';

export type CellStatus = 'idle' | 'saving' | 'saved' | 'error';
export interface CellState {
  status: CellStatus;
  error: string | null;
}
export const cellKey = (cooperationId: string, month: YearMonth, field: FigureField) => `${cooperationId}|${month}|${field}`;
const SAVED_MARK_MS = 1500;

export function monthRecord(rules: AssessedRuleSet, records: readonly MonthFigures[] | undefined, month: YearMonth): Record<string, unknown> {
  const empty = rules.kind === 'periodic' ? emptyPeriodicFigures : emptyMonthlyWarningFigures;
  return figuresOf(records ?? [], month, empty as (m: YearMonth) => MonthFigures) as unknown as Record<string, unknown>;
}

/** A refusal in words: the field's issue key when the backend gave one, else its message. */
function refusalText(error: ApiError): string {
  const key = error.issues?.[0]?.key;
  return key && isMessageKey(key) ? translate(key) : errorText(error);
}

export interface ProgramFigures {
  rules: KpiRuleSet | null;
  cooperations: CooperationSummary[];
  records: Record<string, MonthFigures[]>;
}

export function useProgramFigures(programId: string) {
  const [data, setData] = useState<ProgramFigures | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const records = useRef<Record<string, MonthFigures[]>>({});
  const sequence = useRef(new Map<string, number>());
  const alive = useRef(true);

  const load = useCallback(async () => {
    setData(null);
    setLoadError(null);
    if (!programId) return;
    const [rules, list] = await Promise.all([api['programs.kpiRules']({ programId }), api['cooperations.list']({ programId })]);
    if (!alive.current) return;
    if (!rules.ok) return setLoadError(errorText(rules.error));
    if (!list.ok) return setLoadError(errorText(list.error));
    // Ended ones too: each still shows in the months up to its end (figure-months.ts).
    const cooperations = list.value.filter(mayHaveFigures);
    const figures = rules.value && isAssessed(rules.value) ? await Promise.all(cooperations.map((c) => api['kpi.figures']({ cooperationId: c.id }))) : [];
    if (!alive.current) return;
    const failed = figures.find((r) => !r.ok);
    if (failed && !failed.ok) return setLoadError(errorText(failed.error));
    records.current = Object.fromEntries(cooperations.map((c, i) => [c.id, figures[i]?.ok ? figures[i].value : []]));
    setCells({});
    setData({ rules: rules.value, cooperations, records: records.current });
  }, [programId]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => void (alive.current = false);
  }, [load]);

  const putRecord = useCallback((cooperationId: string, record: MonthFigures) => {
    const others = (records.current[cooperationId] ?? []).filter((r) => r.month !== record.month);
    records.current = { ...records.current, [cooperationId]: [...others, record].sort((a, b) => a.month.localeCompare(b.month)) };
    setData((d) => (d ? { ...d, records: records.current } : d));
  }, []);
  const patchCell = useCallback((key: string, state: CellState) => setCells((c) => ({ ...c, [key]: state })), []);

  /**
   * Saves one figure (null clears it) by sending the provider's whole month record. Shown at once; two quick
   * saves in one row each send the record with both values, and only the answer to the latest request for a
   * record is adopted — an earlier answer must not put back a value typed after it was sent.
   */
  const saveCell = useCallback(
    async (cooperationId: string, month: YearMonth, field: FigureField, value: number | null) => {
      const rules = data?.rules;
      if (!rules || !isAssessed(rules)) return;
      const key = cellKey(cooperationId, month, field);
      const recordKey = `${cooperationId}|${month}`;
      const before = monthRecord(rules, records.current[cooperationId], month);
      if (before[field] === value && cells[key]?.status !== 'error') return;
      const n = (sequence.current.get(recordKey) ?? 0) + 1;
      sequence.current.set(recordKey, n);
      const next = { ...before, [field]: value } as unknown as MonthFigures;
      putRecord(cooperationId, next);
      patchCell(key, { status: 'saving', error: null });
      const result = await api['kpi.setFigures']({ cooperationId, figures: next as unknown as Record<string, number | null> });
      if (!alive.current) return;
      const latest = sequence.current.get(recordKey) === n;
      if (!result.ok) {
        // Put back what was stored, unless the cell was typed again since.
        const current = monthRecord(rules, records.current[cooperationId], month);
        if (current[field] === value) putRecord(cooperationId, { ...current, [field]: before[field] ?? null } as unknown as MonthFigures);
        return patchCell(key, { status: 'error', error: refusalText(result.error) });
      }
      if (latest) putRecord(cooperationId, result.value);
      patchCell(key, { status: 'saved', error: null });
      setTimeout(() => alive.current && setCells((c) => (c[key]?.status === 'saved' ? { ...c, [key]: { status: 'idle', error: null } } : c)), SAVED_MARK_MS);
    },
    [data?.rules, cells, putRecord, patchCell],
  );

  /** A figure as it stands this instant (typed, saving or saved), for keyboard moves between renders. */
  const currentValue = useCallback(
    (cooperationId: string, month: YearMonth, field: FigureField): number | null => {
      const rules = data?.rules;
      return rules && isAssessed(rules) ? ((monthRecord(rules, records.current[cooperationId], month)[field] as number | null) ?? null) : null;
    },
    [data?.rules],
  );

  return { data, loadError, cells, saveCell, currentValue, reload: load };
}
