// The lists' search keys cut from a dossier's stored pinyin columns (list-search.ts) equal the keys read
// afresh (pinyinSearchColumns of the name alone), which is what the renderer's lists searched: the fast path
// gives the plain path's answer. Names include region cuts (重庆市长江 must not read 市长), polyphones, Latin and
// digits; places include an empty city and province.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pinyinSearchColumns } from '../../../shared/common/pinyin';
import { matchesTerms, pinyinOf, plainText, searchTerms, seedNameKeys } from '../../../electron/services/rounds/list-search';

const HEADS = ['重庆市长江', '杭州安心', '银行街', 'ABC', '深圳水贝', '北京第2号', '长沙', '厦门'];
const TAILS = ['珠宝检测有限公司', '鉴定中心', '检测技术有限公司', '宝石研究所'];
const CITIES = ['杭州市', '重庆市', '', '长沙市', '深圳市'];
const PROVINCES = ['浙江省', '重庆市', '', '湖南省'];

let unique = 0;

describe('pinyin keys seeded from the stored dossier columns', () => {
  it('equal the keys read afresh from the name alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADS), fc.constantFrom(...TAILS), fc.constantFrom(...CITIES), fc.constantFrom(...PROVINCES), (head, tail, city, province) => {
        // A name not seen before (the keys are kept per name for the process).
        const name = `${head}${'一二三四五六七八九'[unique % 9]}${unique++}号${tail}`;
        seedNameKeys(name, city, province, pinyinSearchColumns(name, city, province));
        expect(pinyinOf(name)).toEqual(pinyinSearchColumns(name));
      }),
      { numRuns: 200 },
    );
  });

  it('a stored value that does not end with the place keys is not used', () => {
    const name = '宁波甬江珠宝鉴定中心有限公司';
    seedNameKeys(name, '宁波市', '浙江省', { initials: '\u0001xx', full: '\u0001xxxx' });
    expect(pinyinOf(name)).toEqual(pinyinSearchColumns(name));
  });

  it('matches terms as text or pinyin, pinyin only for Latin terms and Han fields', () => {
    const fields = ['杭州安心珠宝检测技术有限公司', '91330100716105852F', '杭州市'];
    const plain = fields.map(plainText);
    expect(matchesTerms(fields, plain, searchTerms('hz axzb'))).toBe(true);
    expect(matchesTerms(fields, plain, searchTerms('hangzhou anxin'))).toBe(true);
    expect(matchesTerms(fields, plain, searchTerms('ngzhou'))).toBe(false); // full pinyin only from a syllable start
    expect(matchesTerms(fields, plain, searchTerms('9133 杭州'))).toBe(true);
    expect(matchesTerms(fields, plain, searchTerms('f'))).toBe(true); // the code as text (lower-cased)
    expect(matchesTerms(fields, plain, searchTerms('nb'))).toBe(false);
  });
});
