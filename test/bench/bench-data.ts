// The platform-scale data set both benches build (platform-bench.ts through the worker, ui-bench.ts through
// browser mode): 300 regions over six cities, one dossier row per application in the import's column order.
import { creditCodeCheckChar } from '../../shared/dossiers/credit-code';

export const REGIONS = 300;
export const MEMBERS = 15;
export const CITIES = ['杭州市', '深圳市', '广州市', '苏州市', '成都市', '武汉市']; // 300 % 6 = 0: region r and r + 6 share a city

export function creditCode(i: number): string {
  const body = `913301${String(i).padStart(11, '0')}`;
  return body + creditCodeCheckChar(body);
}

export function dossierRow(i: number): string[] {
  const city = CITIES[(i % REGIONS) % CITIES.length]!;
  return [`${city.slice(0, 2)}第${i}号珠宝检测有限公司`, creditCode(i), '机构', '张三', '浙江省', city, '500', '2018-06-01', '一般纳税人', '是', '否', '100000', '是', '是', '是', '是', '是', '是', '38000', '李四', '13800138000', '', '', ''];
}
