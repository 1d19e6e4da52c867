import { describe, expect, it } from 'vitest';
import { displayOrder, emptyCells, groupByRegion, type ScoringApplication } from '../../../renderer/features/rounds/scoring/score-order';

const app = (legalName: string, regionIds: string[]): ScoringApplication => ({ legalName, creditCode: '', dossierId: 1, priceQuoteYuan: null, regionIds });
const APPS = { a: app('甲', ['sz']), b: app('乙', ['hz', 'sz']), c: app('丙', []), d: app('丁', ['hz']) };
const REGIONS = [{ id: 'hz', name: '杭州' }, { id: 'sz', name: '深圳' }];

describe('score sheet order', () => {
  it('groups by first-preference region in the round order, keeping the sheet order inside, the rest last', () => {
    const groups = groupByRegion(['a', 'b', 'c', 'd'], APPS, REGIONS, '未分区域');
    expect(groups.map((g) => [g.regionName, g.applicationIds])).toEqual([['杭州', ['b', 'd']], ['深圳', ['a']], ['未分区域', ['c']]]);
    expect(displayOrder(groups)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('lists the empty cells in display order with their grid ids', () => {
    const values: Record<string, number | null> = { 'b|x': 1, 'b|y': null, 'd|x': null, 'd|y': 2 };
    expect(emptyCells(['b', 'd'], ['x', 'y'], (a, c) => values[`${a}|${c}`] ?? null)).toEqual([
      { applicationId: 'b', criterion: 'y', id: 'cell-0-1' },
      { applicationId: 'd', criterion: 'x', id: 'cell-1-0' },
    ]);
  });
});
