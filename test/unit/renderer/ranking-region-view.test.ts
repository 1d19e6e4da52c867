// The ranking tab's pieces over one region (issue 8) and its sortable columns (issue 11).
import { describe, expect, it } from 'vitest';
import { asResults, matchRegions, RANK_ORDER, sortRows, type SortableRow } from '../../../renderer/features/rounds/ranking/region-view';
import { regionResults, groupByRegion } from '../../../shared/rounds/region-results';
import { rankRound } from '../../../shared/ranking/rank-round';
import { allocate } from '../../../shared/ranking/allocate';
import { explain } from '../../../shared/ranking/explain';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { RoundInput } from '../../../shared/ranking/types';
import { DEFAULT_RANKING_OPTIONS } from '../../../shared/ranking/defaults';

const row = (applicationId: string, order: number, name: string, total: number | null, criteria: (number | null)[] = []): SortableRow => ({ applicationId, order, name, total, criteria });
const ROWS = [row('a', 0, '乙公司', 90, [80, 10]), row('b', 1, '甲公司', 85, [90, 5]), row('c', 2, '丙公司', 85, [70, 5]), row('d', 3, '丁公司', null, [null, null])];

describe('sortRows', () => {
  it('rank order is the default and keeps the given order', () => {
    expect(sortRows(ROWS, RANK_ORDER).map((r) => r.applicationId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by a criterion either way, rows without a value last, ties in rank order', () => {
    expect(sortRows(ROWS, { key: { by: 'criterion', index: 0 }, descending: true }).map((r) => r.applicationId)).toEqual(['b', 'a', 'c', 'd']);
    expect(sortRows(ROWS, { key: { by: 'criterion', index: 0 }, descending: false }).map((r) => r.applicationId)).toEqual(['c', 'a', 'b', 'd']);
    // b and c tie on 5: rank order (b before c) in both directions.
    expect(sortRows(ROWS, { key: { by: 'criterion', index: 1 }, descending: false }).map((r) => r.applicationId)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(ROWS, { key: { by: 'total' }, descending: false }).map((r) => r.applicationId)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('sorts names in Chinese collation (pinyin: 丙 bing, 丁 ding, 甲 jia, 乙 yi)', () => {
    expect(sortRows(ROWS, { key: { by: 'name' }, descending: false }).map((r) => r.name)).toEqual(['丙公司', '丁公司', '甲公司', '乙公司']);
  });
});

describe('matchRegions', () => {
  const regions = Array.from({ length: 300 }, (_, i) => ({ name: `产业带${i}`, city: i % 2 ? '杭州市' : 'Shenzhen' }));
  it('finds a far region by name and regions by city, case-insensitively', () => {
    expect(matchRegions(regions, '产业带249').map((r) => r.name)).toEqual(['产业带249']);
    expect(matchRegions(regions, 'shenZHEN')).toHaveLength(150);
    expect(matchRegions(regions, '  ')).toHaveLength(300);
  });
});

describe('asResults', () => {
  it('gives the panels the same region as the whole results would', () => {
    const input: RoundInput = {
      applications: ['x', 'y', 'z'].map((id, i) => ({ applicationId: id, applicantId: id, priceQuote: 100 + i, eligible: true, regions: [{ regionId: i < 2 ? 'r1' : 'r2', preference: 1 }] })),
      regions: [{ regionId: 'r1', quota: 1, waitlistLength: 1 }, { regionId: 'r2', quota: 1, waitlistLength: 0 }],
      scores: ['x', 'y', 'z'].flatMap((id, i) => ['strength', 'technical', 'reputation', 'price'].map((criterion) => ({ applicationId: id, memberId: 'm', criterion, value: 70 + i }))),
      recusals: [],
    };
    const ranking = rankRound(input, DEFAULT_RANKING_OPTIONS);
    const allocation = allocate(ranking);
    const full: RoundResults = {
      roundId: 'round', roundName: '批次', referenceDate: '2026-11-23', computedAt: 'now', options: DEFAULT_RANKING_OPTIONS, ranking, allocation, explanations: explain(ranking, allocation), regionOrder: ['r1', 'r2'], ineligible: [],
      labels: { applications: { x: { legalName: 'X', creditCode: '', priceQuoteYuan: 100 }, y: { legalName: 'Y', creditCode: '', priceQuoteYuan: 101 }, z: { legalName: 'Z', creditCode: '', priceQuoteYuan: 102 } }, regions: { r1: { name: '一', city: '' }, r2: { name: '二', city: '' } }, members: {} },
      sheets: [], finalized: null,
    };
    const one = asResults(regionResults(full, 'r1', groupByRegion(full))!);
    expect(one.ranking.regions).toEqual([full.ranking.regions.find((r) => r.regionId === 'r1')]);
    expect(one.allocation.regions).toEqual([full.allocation.regions.find((r) => r.regionId === 'r1')]);
    expect(one.explanations).toEqual(full.explanations.filter((e) => e.regionId === 'r1'));
    expect(Object.keys(one.labels.applications).sort()).toEqual(['x', 'y']);
  });
});
