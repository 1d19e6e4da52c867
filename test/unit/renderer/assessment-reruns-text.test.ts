// The run page after reruns (renderer/features/assessments): a replaced or stale proposal is not offered
// for confirmation, alone or in bulk; the cumulative bindings figure of the 抖音 rule is shown with the
// period's own count.
import { describe, expect, it } from 'vitest';
import zh from '../../../resources/locales/zh-CN/assessments.json';
import { assess, periodicCalendar, proposeAction, regularPeriod, SEED_002_RULE_SET, SEED_001_RULE_SET, assessedMonth } from '../../../shared/lifecycle';
import { kpiLine } from '../../../renderer/features/assessments/kpi-text';
import { rowsOf } from '../../../renderer/features/assessments/action-text';
import type { AssessmentRun, RunEntry } from '../../../shared/cooperations/assessment-views';

const messages = zh as Record<string, string>;
const t = (k: string, params: Record<string, string | number> = {}) => (messages[k] ?? k).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));

describe('rows of a run after reruns', () => {
  const period = assessedMonth('2026-11-23', 1);
  const failed = assess(SEED_002_RULE_SET, { period, figures: [{ month: '2026-12', merchantLevel: 3, pickupRatePercent: 80, responseRatePercent: 90 }] });
  const proposal = proposeAction({ ruleSet: SEED_002_RULE_SET, status: 'formal', result: failed, effectiveDate: '2026-12-31' });
  const entry = (id: string, over: Partial<RunEntry> = {}): RunEntry => ({ cooperationId: id, legalName: id, creditCode: '', regionName: '', status: 'formal', result: failed, proposal, stale: null, ...over });
  const action = (id: string, supersededBy: string | null = null) => ({ cooperationId: id, proposed: 'rectificationNotice', confirmed: null, confirmedAt: null, confirmedBy: null, note: '', supersededBy, supersededAt: supersededBy ? '2027-01-02T00:00:00Z' : null });

  it('offers only open, fresh proposals in bulk', () => {
    const run: AssessmentRun = {
      id: 'r1', programId: 'p', periodLabel: '2026-12', asOf: '2026-12', effectiveDate: '2026-12-31', createdAt: '', createdBy: '', stale: true,
      entries: [entry('open'), entry('replaced'), entry('stale', { stale: { changedMonths: ['2026-12'], rulesChanged: false, statusChanged: false } }), entry('judged', { result: null, proposal: null, judgedIn: { runId: 'r0', action: 'rectificationNotice' } })],
      actions: [action('open'), action('replaced', 'r2'), action('stale'), action('judged')],
    };
    const rows = Object.fromEntries(rowsOf(run).map((r) => [r.entry.cooperationId, r]));
    expect(rows.open).toMatchObject({ pending: true, bulk: true, superseded: false, stale: false });
    expect(rows.replaced).toMatchObject({ pending: false, bulk: false, superseded: true });
    expect(rows.stale).toMatchObject({ pending: true, bulk: false, stale: true });
    expect(rows.judged).toMatchObject({ pending: false, bulk: false });
  });
});

describe('the cumulative bindings figure (抖音 §3.4: 10, then 20)', () => {
  it('shows the period\'s net count with the total since the trial', () => {
    const cal = periodicCalendar('2026-04-01');
    const month = (m: string, n: number) => ({ month: m, newlyBound: n, newlyBoundGmvYuan: n === 0 ? 0 : 50_000, orders: 0, staffPassedExam: 2 });
    const figures = [month('2026-04', 10), month('2026-05', 0), month('2026-06', 0), month('2026-07', 12), month('2026-08', -2), month('2026-09', 0)];
    const result = assess(SEED_001_RULE_SET, { period: regularPeriod(cal, 1), figures, since: '2026-04' });
    const line = kpiLine(result.kpis[0]!, t as never, 'zh-CN');
    expect(`${line.label} ${line.comparison} [${line.note}]`).toBe('净新增绑定商家 10 家 ≥ 10 家 [累计 20 家（此前 10 家）]');
    const unknown = assess(SEED_001_RULE_SET, { period: regularPeriod(cal, 1), figures: figures.slice(1), since: '2026-04' });
    expect(kpiLine(unknown.kpis[0]!, t as never, 'zh-CN').note).toBe('累计数待补齐此前月份的数据');
  });
});
