// The shared list step (renderer/components/lists/sort-filter.ts): zh-CN collation on name headers, the
// direction toggle, empty values last, filters combined with each other and with the (pinyin) search.
import { describe, expect, it } from 'vitest';
import { countBy, matchesSearch, nextSort, sortFilter, type ListSpec } from '../../../renderer/components/lists/sort-filter';
import { indexPinyin, pinyinLookup } from '../../../renderer/components/lists/pinyin-index';
import { splitTail } from '../../../renderer/components/lists/company-name';
import { perRoundListMemory } from '../../../renderer/components/lists/use-sort-filter';

interface Row {
  name: string;
  code: string;
  region: string;
  regions: string[];
  status: 'active' | 'withdrawn';
  eligible: boolean;
  overridden: boolean;
  quote: number | null;
}
const row = (name: string, region: string, extra: Partial<Row> = {}): Row => ({ name, code: `91330100${name.length}`, region, regions: [region], status: 'active', eligible: true, overridden: false, quote: null, ...extra });

const ROWS: Row[] = [
  row('深圳水贝黄金珠宝检测有限公司', '深圳', { quote: 90_000, regions: ['深圳', '杭州'] }),
  row('杭州西湖玉石鉴定中心有限公司', '杭州', { quote: 60_000, eligible: false }),
  row('北京潘家园鉴定所有限公司', '北京', { status: 'withdrawn' }),
  row('杭州安心珠宝检测技术有限公司', '杭州', { quote: 75_000, eligible: false, overridden: true }),
  row('上海豫园珠宝鉴定有限公司', '上海', { quote: 80_000 }),
  row('安徽10号检测有限公司', '合肥'),
  row('安徽2号检测有限公司', '合肥'),
];

const SPEC: ListSpec<Row> = {
  sorts: { name: { kind: 'text', value: (r) => r.name }, quote: { kind: 'plain', value: (r) => r.quote }, region: { kind: 'text', value: (r) => r.region } },
  tieBreak: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  filters: {
    region: (r) => r.regions,
    status: (r) => r.status,
    result: (r) => (r.overridden ? [r.eligible ? 'eligible' : 'ineligible', 'overridden'] : [r.eligible ? 'eligible' : 'ineligible']),
  },
  search: (r) => [r.name, r.code, r.region],
};
const names = (rows: Row[]) => rows.map((r) => r.name);

describe('sortFilter: sorting', () => {
  it('orders names in pinyin order (zh-CN collation), numbers inside names by value', () => {
    expect(names(sortFilter(ROWS, SPEC, { sort: { key: 'name', dir: 'asc' }, filters: {}, search: '' }))).toEqual([
      '安徽2号检测有限公司', // an < bei < hang < shang < shen; 2号 < 10号
      '安徽10号检测有限公司',
      '北京潘家园鉴定所有限公司',
      '杭州安心珠宝检测技术有限公司',
      '杭州西湖玉石鉴定中心有限公司',
      '上海豫园珠宝鉴定有限公司',
      '深圳水贝黄金珠宝检测有限公司',
    ]);
  });

  it('reverses on the second click and keeps empty values last in both directions', () => {
    const asc = nextSort(null, 'quote');
    expect(asc).toEqual({ key: 'quote', dir: 'asc' });
    const desc = nextSort(asc, 'quote');
    expect(desc).toEqual({ key: 'quote', dir: 'desc' });
    expect(nextSort(desc, 'name')).toEqual({ key: 'name', dir: 'asc' });
    const quotes = (dir: 'asc' | 'desc') => sortFilter(ROWS, SPEC, { sort: { key: 'quote', dir }, filters: {}, search: '' }).map((r) => r.quote);
    expect(quotes('asc')).toEqual([60_000, 75_000, 80_000, 90_000, null, null, null]);
    expect(quotes('desc')).toEqual([90_000, 80_000, 75_000, 60_000, null, null, null]);
  });

  it('breaks ties by the list tie-break and never mutates the input', () => {
    const before = [...ROWS];
    const byRegion = sortFilter(ROWS, SPEC, { sort: { key: 'region', dir: 'asc' }, filters: {}, search: '' });
    expect(byRegion.map((r) => r.region)).toEqual(['北京', '杭州', '杭州', '合肥', '合肥', '上海', '深圳']); // hang < he
    expect(names(byRegion).slice(1, 3)).toEqual(['杭州安心珠宝检测技术有限公司', '杭州西湖玉石鉴定中心有限公司'].sort());
    expect(ROWS).toEqual(before);
  });

  it('takes a presorted column as given: ascending keeps the order, descending reverses it without comparing', () => {
    const presorted: ListSpec<Row> = { sorts: { name: { kind: 'text', value: () => { throw new Error('not read'); }, presorted: true } } };
    const input = ROWS.slice(0, 3);
    expect(sortFilter(input, presorted, { sort: { key: 'name', dir: 'asc' }, filters: {}, search: '' })).toEqual(input);
    expect(sortFilter(input, presorted, { sort: { key: 'name', dir: 'desc' }, filters: {}, search: '' })).toEqual([...input].reverse());
  });
});

describe('sortFilter: filters and search combined', () => {
  const q = (filters: Record<string, string>, search = '') => names(sortFilter(ROWS, SPEC, { sort: { key: 'name', dir: 'asc' }, filters, search }));

  it('a region filter matches any of the item’s regions; "" means all', () => {
    expect(q({ region: '杭州' })).toEqual(['杭州安心珠宝检测技术有限公司', '杭州西湖玉石鉴定中心有限公司', '深圳水贝黄金珠宝检测有限公司']);
    expect(q({ region: '' })).toHaveLength(ROWS.length);
  });

  it('filters combine with each other (AND)', () => {
    expect(q({ region: '杭州', result: 'ineligible' })).toEqual(['杭州安心珠宝检测技术有限公司', '杭州西湖玉石鉴定中心有限公司']);
    expect(q({ region: '杭州', result: 'overridden' })).toEqual(['杭州安心珠宝检测技术有限公司']);
    expect(q({ region: '杭州', status: 'withdrawn' })).toEqual([]);
    expect(q({ status: 'withdrawn' })).toEqual(['北京潘家园鉴定所有限公司']);
  });

  it('filters combine with the search; every search term must match some field', () => {
    expect(q({ region: '杭州' }, '珠宝')).toEqual(['杭州安心珠宝检测技术有限公司', '深圳水贝黄金珠宝检测有限公司']);
    expect(q({ region: '杭州', result: 'eligible' }, '珠宝')).toEqual(['深圳水贝黄金珠宝检测有限公司']);
    expect(q({}, '珠宝 上海')).toEqual(['上海豫园珠宝鉴定有限公司']);
    expect(q({}, 'ＡＢＣ')).toEqual([]); // full-width folded, still no match
  });

  it('finds names by pinyin initials and full pinyin once the names are indexed', () => {
    let done = false;
    indexPinyin(ROWS.flatMap((r) => [r.name, r.region]), () => (done = true));
    expect(done).toBe(true); // few names: indexed at once
    const withPinyin = (search: string, filters: Record<string, string> = {}) => names(sortFilter(ROWS, SPEC, { sort: { key: 'name', dir: 'asc' }, filters, search }, pinyinLookup));
    expect(withPinyin('hzxh')).toEqual(['杭州西湖玉石鉴定中心有限公司']);
    expect(withPinyin('HZ', { result: 'overridden' })).toEqual(['杭州安心珠宝检测技术有限公司']);
    expect(withPinyin('shenzhen')).toEqual(['深圳水贝黄金珠宝检测有限公司']);
    // Full pinyin only from a syllable start: "henzhen" is inside shenzhen, not a word of it.
    expect(withPinyin('henzhen')).toEqual([]);
    // Without the lookup, Latin terms match text only.
    expect(matchesSearch(['杭州西湖'], ['hzxh'])).toBe(false);
  });

  it('counts the values of a filter for option labels', () => {
    expect(countBy(ROWS, (r) => r.regions).get('杭州')).toBe(3);
    expect(countBy(ROWS, (r) => r.status)).toEqual(new Map([['active', 6], ['withdrawn', 1]]));
  });
});

describe('company names', () => {
  it('keep their last two characters together', () => {
    expect(splitTail('杭州某某珠宝有限公司')).toEqual(['杭州某某珠宝有限', '公司']);
    expect(splitTail('公司')).toEqual(['', '公司']);
    expect(splitTail('𠀋𠀌𠀍')).toEqual(['𠀋', '𠀌𠀍']); // by code point, not UTF-16 unit
  });
});

describe('perRoundListMemory', () => {
  it('keeps one memory per round: the same object when the tab comes back, another round starts afresh', () => {
    const memoryFor = perRoundListMemory({ key: 'name', dir: 'asc' });
    const a = memoryFor('round-a');
    a.search = '杭州';
    a.filters = { region: 'r1' };
    expect(memoryFor('round-a')).toBe(a);
    expect(memoryFor('round-b')).toEqual({ sort: { key: 'name', dir: 'asc' }, filters: {}, search: '' });
    expect(memoryFor('round-b')).not.toBe(a);
  });
});
