// Name order and pinyin keys (shared/common/pinyin.ts): the collation this runtime ships, polyphones read
// in context, ASCII passed through, and the SQLite sort key agreeing with the collator.
import { describe, expect, it } from 'vitest';
import { compareZh, comparePinyinKeys, matchesZh, pinyinKeys, pinyinSearchColumns, pinyinSortKey } from '../../../shared/common/pinyin';

describe('compareZh', () => {
  it('orders by pinyin with this runtime’s ICU (full zh-CN collation data is present)', () => {
    // UTF-16 order would be 上 (4E0A) < 北 (5317) < 安 (5B89) < 杭 (676D): this proves real pinyin collation.
    expect(['上海', '杭州', '北京', '安徽'].sort(compareZh)).toEqual(['安徽', '北京', '杭州', '上海']);
    expect(new Intl.Collator('zh-CN').resolvedOptions().locale).toBe('zh-CN');
  });

  it('compares numbers by value and ignores case at the first level', () => {
    expect(['10号仓', '2号仓', '1号仓'].sort(compareZh)).toEqual(['1号仓', '2号仓', '10号仓']);
    expect(compareZh('abc', 'ABD')).toBeLessThan(0);
    expect(compareZh('杭州', '杭州')).toBe(0);
  });

  it('orders the seed companies as a reader would', () => {
    const names = ['深圳市鉴宝检测服务有限公司', '杭州安心珠宝检测技术有限公司', '义乌市小商品检测中心', '北京国检珠宝鉴定有限公司', '重庆市山城鉴定有限公司'];
    expect([...names].sort(compareZh)).toEqual(['北京国检珠宝鉴定有限公司', '重庆市山城鉴定有限公司', '杭州安心珠宝检测技术有限公司', '深圳市鉴宝检测服务有限公司', '义乌市小商品检测中心']);
  });
});

describe('pinyinKeys', () => {
  it.each([
    ['杭州', 'hangzhou', 'hz'],
    ['重庆', 'chongqing', 'cq'], // 重: zhòng alone, chóng in 重庆
    ['义乌', 'yiwu', 'yw'],
    ['长沙', 'changsha', 'cs'],
    ['中国银行', 'zhongguoyinhang', 'zgyh'], // 行: háng in 银行, not xíng
    ['厦门', 'xiamen', 'xm'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(pinyinKeys(name)).toEqual({ full, initials });
  });

  it('reads the word after a region suffix on its own (重庆市长江 is 长江 changjiang, not 市长 "mayor")', () => {
    expect(pinyinKeys('重庆市长江科技有限公司').full).toBe('chongqingshichangjiangkejiyouxiangongsi');
    expect(pinyinKeys('重庆市长江科技有限公司').initials).toBe('cqscjkjyxgs');
  });

  it('passes ASCII letters and digits through lower-cased, folds full-width ones, drops punctuation', () => {
    expect(pinyinKeys('ABC珠宝123号')).toEqual({ full: 'abczhubao123hao', initials: 'abczb123h' });
    expect(pinyinKeys('ＡＢＣ 杭州（滨江）')).toEqual({ full: 'abchangzhoubinjiang', initials: 'abchzbj' });
    expect(pinyinKeys('')).toEqual({ full: '', initials: '' });
  });

  it('writes ü as v, as pinyin keyboards type it', () => {
    expect(pinyinKeys('绿洲')).toEqual({ full: 'lvzhou', initials: 'lz' });
  });

  it('stores initials per field and the full pinyin from every syllable start, each behind a separator', () => {
    expect(pinyinSearchColumns('杭州', 'ABC珠宝')).toEqual({
      initials: '\u0001hz\u0001abczb',
      full: '\u0001hangzhou\u0001zhou\u0001abczhubao\u0001zhubao\u0001bao',
    });
    // Later suffixes are capped; the whole reading is always kept.
    const long = pinyinSearchColumns('杭州安心珠宝检测技术服务有限公司').full.split('\u0001');
    expect(long[1]).toBe('hangzhouanxinzhubaojiancejishufuwuyouxiangongsi');
    expect(long[2]).toBe('zhouanxinzhubaojiancejishufuwuyouxiangon'); // 40 characters
  });
});

describe('pinyinSortKey', () => {
  it('separates syllables so a shorter reading sorts first (安 < 安徽 < 昂)', () => {
    expect(pinyinSortKey('杭州')).toBe('hang zhou');
    const keys = ['昂立', '安徽', '安'].map(pinyinSortKey);
    expect([...keys].sort()).toEqual(['an', 'an hui', 'ang li']);
  });

  it('pads digit runs and puts Latin after Han, as the collator does', () => {
    expect(pinyinSortKey('A10仓')).toBe('~a 000000000010 cang');
    const names = ['ABC检测', '2号仓', '10号仓', '杭州', '安徽', 'abd检测', '重庆'];
    const bySortKey = [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));
    expect(bySortKey).toEqual([...names].sort(compareZh));
  });

  it('agrees with the collator on names with distinct readings (the fallback when ICU lacks zh data)', () => {
    const names = ['上海', '杭州', '北京', '安徽', '义乌', '广州', '深圳', '成都', '武汉', '南京', '天津', '西安', '郑州', '昆明', '拉萨'];
    expect([...names].sort(comparePinyinKeys)).toEqual([...names].sort(compareZh));
    expect(names.sort(comparePinyinKeys).slice(0, 4)).toEqual(['安徽', '北京', '成都', '广州']);
  });
});

describe('matchesZh', () => {
  it.each(['hz', 'HZ', 'hangz', 'hangzhou', '杭州', '安心', 'hz axzb', '9133'])('finds 杭州安心珠宝 by %s', (q) => {
    expect(matchesZh(q, '杭州安心珠宝检测技术有限公司', '91330100MA2XXXXX1X')).toBe(true);
  });

  it.each(['sz', 'shenzhen', 'hz sz', '深圳', 'angzhou', 'nz'])('does not find it by %s', (q) => {
    expect(matchesZh(q, '杭州安心珠宝检测技术有限公司', '91330100MA2XXXXX1X')).toBe(false);
  });

  it('matches full pinyin only from a syllable start: 鉴宝 "jianbao" is no answer to "nb" (宁波)', () => {
    expect(matchesZh('nb', '深圳市鉴宝检测服务有限公司')).toBe(false);
    expect(matchesZh('nb', '宁波鉴宝检测服务有限公司')).toBe(true);
    expect(matchesZh('baojian', '深圳市鉴宝检测服务有限公司')).toBe(true);
  });

  it('matches everything with an empty query', () => {
    expect(matchesZh('  ', '杭州')).toBe(true);
  });
});
