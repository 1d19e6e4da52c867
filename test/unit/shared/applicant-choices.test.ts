// The recusal picker's applicant list (shared/rounds/applicant-choices.ts): active
// applicants in pinyin order, narrowed by name, code, city, pinyin or initials; one match is chosen for you.
import { describe, expect, it } from 'vitest';
import { applicantChoices } from '../../../shared/rounds/applicant-choices';

const app = (id: string, legalName: string, city: string, creditCode: string, withdrawnAt: string | null = null) => ({ id, legalName, city, creditCode, withdrawnAt });
const APPS = [
  app('sz', '深圳市鉴宝检测服务有限公司', '深圳市', '9144030071526726XG'),
  app('hz', '杭州安心珠宝检测技术有限公司', '杭州市', '91330100716105852F'),
  app('bj', '北京国检珠宝鉴定有限公司', '北京市', '91110000802100433B'),
  app('yw', '义乌市小商品检测中心', '义乌市', '91330782MA2XXXXX01'),
  app('cq', '重庆市长江鉴定有限公司', '重庆市', '915000007474XXXXX1', '2026-11-30T00:00:00.000Z'),
];
const ids = (r: { options: { id: string }[] }) => r.options.map((a) => a.id);

describe('applicantChoices', () => {
  it('lists the active applicants in pinyin order (北 < 杭 < 深 < 义), without the withdrawn', () => {
    expect(ids(applicantChoices(APPS, '', ''))).toEqual(['bj', 'hz', 'sz', 'yw']);
    expect(applicantChoices(APPS, '', '').onlyMatch).toBeNull();
  });

  it.each([
    ['hz', ['hz']],
    ['HZ', ['hz']],
    ['hangz', ['hz']],
    ['义乌', ['yw']],
    ['yiwu', ['yw']],
    ['9111', ['bj']],
    ['zb', ['bj', 'hz']],
    ['jiance', ['hz', 'sz', 'yw']],
    ['cq', []], // withdrawn: cannot be named in a new recusal
    ['nb', []], // 鉴宝 "jianbao" is no match for the initials of 宁波
  ])('narrows by %s', (filter, expected) => {
    const r = applicantChoices(APPS, filter, '');
    expect(ids(r)).toEqual(expected);
    expect(r.onlyMatch?.id ?? null).toBe(expected.length === 1 ? expected[0] : null);
  });

  it('keeps the chosen applicant listed when the filter moves on, in its pinyin place', () => {
    expect(ids(applicantChoices(APPS, 'sz', 'bj'))).toEqual(['bj', 'sz']);
    expect(applicantChoices(APPS, 'sz', 'bj').onlyMatch?.id).toBe('sz');
  });

  it('lists at most `limit` matches in pinyin order, counts the rest, and keeps the chosen one listed', () => {
    const r = applicantChoices(APPS, '', 'yw', 2);
    expect(ids(r)).toEqual(['bj', 'hz', 'yw']);
    expect(r.more).toBe(2);
    expect(applicantChoices(APPS, 'zb', '', 2).more).toBe(0);
  });
});
