import { describe, expect, it } from 'vitest';
import { groupByRegion, type ScoringApplication } from '../../../renderer/features/rounds/scoring/score-order';

const app = (legalName: string, regionIds: string[]): ScoringApplication => ({ legalName, creditCode: '', dossierId: 1, priceQuoteYuan: null, regionIds });
const APPS = { a: app('甲', ['sz']), b: app('乙', ['hz', 'sz']), c: app('丙', []), d: app('丁', ['hz']) };
const REGIONS = [{ id: 'hz', name: '杭州' }, { id: 'sz', name: '深圳' }];

describe('score sheet order', () => {
  it('groups by first-preference region in the round order, keeping the sheet order inside, the rest last', () => {
    const groups = groupByRegion(['a', 'b', 'c', 'd'], APPS, REGIONS, '未分区域');
    expect(groups.map((g) => [g.regionName, g.applicationIds])).toEqual([['杭州', ['b', 'd']], ['深圳', ['a']], ['未分区域', ['c']]]);
  });
});
