// Issue 8: the pinyin keys of a dossier import are read through a per-Han-run cache (shared/common/pinyin.ts).
// The cached path must give exactly the keys of the plain path (every Han run read afresh by pinyin-pro), for
// real-looking company names, polyphones in context included, whatever order the cache was filled in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinyinKeys, pinyinSearchColumns, pinyinSortKey, withoutPinyinCaches } from '../../../shared/common/pinyin';

const REGIONS = ['重庆市', '长沙市', '杭州市西湖区', '深圳市南山区', '广东省广州市', '浙江省诸暨市', '成都市', '重庆市渝中区', '长春市', '厦门市', '银川市', '朝阳区', '乐山市', '长沙县', '', '兴化市'];
const CORES = ['长江', '重工', '银行', '安心', '华夏', '朝阳', '行知', '长城', '重庆火锅', '乐行', '和平', '传奇', '单县', '调度', '曾氏', '都市', '藏品', '银行卡', '长安', '重阳', '会计', '数据', '还珠'];
const TRADES = ['珠宝鉴定', '电子商务', '供应链管理', '文化传媒', '网络科技', '直播服务', '农业发展', '银行', '服装贸易', '检测技术'];
const ENDINGS = ['有限公司', '有限责任公司', '股份有限公司', '工作室', '商行', '（普通合伙）', '分公司', ''];

/** Real-looking names: region + core + trade + ending, with numbers, Latin runs and full-width forms now and then. */
function corpus(): string[] {
  const names = ['重庆银行股份有限公司', '长沙银行股份有限公司', '重庆市长江珠宝有限公司', '长沙市长安重工有限公司', '中国银行重庆市分行', '银行街3号ABC珠宝行', '杭州第12号珠宝检测有限公司', 'ＡＢＣ珠宝（杭州）有限公司', '张三', '曾小银', '单雄', '解放路99号商行'];
  for (let i = 0; i < 400; i++) {
    const name = REGIONS[i % REGIONS.length]! + CORES[(i * 7) % CORES.length]! + TRADES[(i * 3) % TRADES.length]! + ENDINGS[(i * 5) % ENDINGS.length]!;
    names.push(i % 9 === 0 ? `${name}${i}号` : i % 13 === 0 ? `${name}ABC${i}` : name);
  }
  return names;
}

const keysOf = (name: string) => ({ keys: pinyinKeys(name), sort: pinyinSortKey(name), search: pinyinSearchColumns(name, '长沙市', '湖南省') });

describe('pinyin run cache', () => {
  it('gives the plain path’s keys for a corpus of company names, in file order and in reverse', () => {
    const names = corpus();
    const plain = withoutPinyinCaches(() => names.map(keysOf));
    expect(names.map(keysOf)).toEqual(plain); // cold cache, then warm within the pass
    expect([...names].reverse().map(keysOf).reverse()).toEqual(plain); // filled in another order
    expect(names.map(keysOf)).toEqual(plain); // fully warm
  });

  it('reads polyphones in context whether the run was cached or not', () => {
    for (const cached of [false, true]) {
      const run = () => [pinyinSortKey('重庆银行股份有限公司'), pinyinSortKey('长沙银行股份有限公司'), pinyinKeys('重庆市长江珠宝有限公司').full];
      const [cq, cs, cj] = cached ? run() : withoutPinyinCaches(run);
      expect(cq).toBe('chong qing yin hang gu fen you xian gong si');
      expect(cs).toBe('chang sha yin hang gu fen you xian gong si');
      expect(cj).toBe('chongqingshichangjiangzhubaoyouxiangongsi');
    }
  });

  it('equals the plain path for random names built from the same parts (fast-check)', () => {
    const part = fc.constantFrom(...REGIONS, ...CORES, ...TRADES, ...ENDINGS, '12', 'ABC', ' ', '·', '（', '）');
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 1, maxLength: 6 }).map((ps) => ps.join('')), { minLength: 1, maxLength: 30 }), (names) => {
        const plain = withoutPinyinCaches(() => names.map(keysOf));
        expect(names.map(keysOf)).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });
});
