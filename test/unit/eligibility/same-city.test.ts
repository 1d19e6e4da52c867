// The same-city gate (《淘宝直播区域产业服务商准入标准》 "经营主体所在城市需与服务城市保持一致") compares GB/T 2260
// divisions, not strings: golden cases from the issue and the demo's industrial belts.
import { describe, expect, it } from 'vitest';
import { divisionByCode, divisionPath, resolveDivisions, resolvePlace } from '../../../shared/eligibility/divisions';
import { matchServiceCity } from '../../../shared/eligibility/same-city';
import { DIVISIONS_TABLE } from '../../../shared/eligibility/divisions-data';

const codes = (text: string, province?: string) => resolvePlace(text, province).map((d) => d.code);
const same = (entity: string, region: string, scope: 'within' | 'prefecture' = 'within', province?: string) => matchServiceCity({ city: entity, province }, region, scope);

describe('the GB/T 2260 table', () => {
  it('holds every province, the prefecture-level divisions and the county-level ones, parents derived from the code', () => {
    const rows = DIVISIONS_TABLE.split(';');
    expect(rows.filter((r) => /^\d{2}0000,/.test(r))).toHaveLength(31);
    for (const [code, name] of [['330782', '义乌市'], ['222400', '延边朝鲜族自治州'], ['152900', '阿拉善盟'], ['652900', '阿克苏地区'], ['441900', '东莞市'], ['429004', '仙桃市']]) {
      expect(divisionByCode(code!)?.name, code).toBe(name);
    }
    expect(divisionPath(divisionByCode('330782')!).map((d) => d.name)).toEqual(['浙江省', '金华市', '义乌市']);
    expect(divisionPath(divisionByCode('110105')!).map((d) => d.name)).toEqual(['北京市', '朝阳区']); // a municipality's district
    expect(divisionPath(divisionByCode('429004')!).map((d) => d.name)).toEqual(['湖北省', '仙桃市']); // 省直辖县级市
    // The statistics bureau's development-zone codes are not divisions.
    expect(divisionByCode('130171')).toBeNull(); // 石家庄高新技术产业开发区
  });

  it('resolves full names, short names and names written with their province or prefecture in front', () => {
    expect(codes('义乌市')).toEqual(['330782']);
    expect(codes('义乌')).toEqual(['330782']);
    expect(codes('延边朝鲜族自治州')).toEqual(['222400']);
    expect(codes('延边')).toEqual(['222400']);
    expect(codes('浙江省金华市义乌市')).toEqual(['330782']);
    expect(codes('浙江义乌')).toEqual(['330782']);
    expect(codes(' 杭州 市 ')).toEqual(['330100']);
    expect(codes('广西')).toEqual(['450000']);
    expect(codes('新疆')).toEqual(['650000']);
    expect(codes('河南')).toEqual(['410000']); // the province, not 河南蒙古族自治县
    expect(codes('朝阳区', '北京市')).toEqual(['110105']);
    expect(codes('朝阳区').length).toBeGreaterThan(1); // 北京 and 长春: ambiguous without a province
    expect(resolveDivisions('不存在市')).toEqual([]);
  });
});

describe('matchServiceCity', () => {
  it('golden: 义乌 (county-level city under 金华) serves a 金华 region; 延边朝鲜族自治州 is 延边; 杭州市 is 杭州', () => {
    expect(same('义乌市', '金华')).toMatchObject({ same: true, method: 'division', entityPath: ['浙江省', '金华市', '义乌市'], regionPath: ['浙江省', '金华市'] });
    expect(same('延边朝鲜族自治州', '延边')).toMatchObject({ same: true, method: 'division' });
    expect(same('延吉市', '延边朝鲜族自治州')).toMatchObject({ same: true, method: 'division' });
    expect(same('杭州市', '杭州')).toMatchObject({ same: true, method: 'division' });
    expect(same('余杭区', '杭州市', 'within', '浙江省')).toMatchObject({ same: true });
  });

  it('refuses another city, and a prefecture seat for a county-level region unless the program compares prefectures', () => {
    expect(same('绍兴市', '杭州')).toMatchObject({ same: false, method: 'division', entityPath: ['浙江省', '绍兴市'], regionPath: ['浙江省', '杭州市'] });
    expect(same('上海市', '苏州市')).toMatchObject({ same: false });
    expect(same('金华市', '义乌')).toMatchObject({ same: false });
    expect(same('金华市', '义乌', 'prefecture')).toMatchObject({ same: true });
    expect(same('诸暨市', '绍兴', 'prefecture')).toMatchObject({ same: true });
    expect(same('诸暨市', '杭州', 'prefecture')).toMatchObject({ same: false });
  });

  it('falls back to comparing the names when the table does not know one, and says so', () => {
    expect(same('雄安新城市', '雄安新城')).toEqual({ same: true, method: 'name', entityPath: [], regionPath: [] });
    expect(same('某某市', '杭州')).toMatchObject({ same: false, method: 'name' });
    expect(same('', '杭州')).toMatchObject({ same: null });
  });
});
