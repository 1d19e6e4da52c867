// Seed 002 monthly assessment (淘特品牌认证): L3及以上, 近30天发揽率>=90%, 近30天客服响应率>=85%.
import { describe, expect, it } from 'vitest';
import { SEED_002_RULE_SET, assess, assessedMonth, monthlyWarningRuleSetSchema } from '../../../shared/lifecycle';
import { mm } from './support';

const rules = SEED_002_RULE_SET;
const dec = assessedMonth('2026-11-15', 1); // December 2026

describe('seed 002 items (each at its threshold passes, just below fails)', () => {
  it('L3, 90%, 85% exactly pass', () => {
    const r = assess(rules, { period: dec, figures: [mm('2026-12')] });
    expect(r).toMatchObject({ kind: 'monthlyWarning', outcome: 'pass', asOf: '2026-12', final: true, routes: null, missing: [] });
    expect(r.kpis).toEqual([
      { kpi: 'merchantLevel', outcome: 'pass', actual: 3, min: 3 },
      { kpi: 'pickupRate', outcome: 'pass', actualPercent: 90, minPercent: 90 },
      { kpi: 'responseRate', outcome: 'pass', actualPercent: 85, minPercent: 85 },
    ]);
  });

  it.each([
    ['merchantLevel', { merchantLevel: 2 }],
    ['pickupRate', { pickupRatePercent: 89.99 }],
    ['responseRate', { responseRatePercent: 84.99 }],
  ] as const)('%s below the threshold fails the month', (k, over) => {
    const r = assess(rules, { period: dec, figures: [mm('2026-12', over)] });
    expect(r.outcome).toBe('fail');
    expect(r.kpis.filter((x) => x.outcome === 'fail').map((x) => x.kpi)).toEqual([k]);
  });

  it('reads only the assessed month', () => {
    const r = assess(rules, { period: dec, figures: [mm('2026-11', { merchantLevel: 1 }), mm('2026-12'), mm('2027-01', { pickupRatePercent: 0 })] });
    expect(r.outcome).toBe('pass');
  });

  it('missing figures make it incomplete, never a pass; a failure with a missing figure is incomplete too', () => {
    expect(assess(rules, { period: dec, figures: [] })).toMatchObject({ outcome: 'incomplete', missing: ['merchantLevel', 'pickupRate', 'responseRate'] });
    expect(assess(rules, { period: dec, figures: [mm('2026-12', { responseRatePercent: null })] })).toMatchObject({ outcome: 'incomplete', missing: ['responseRate'] });
    expect(assess(rules, { period: dec, figures: [mm('2026-12', { merchantLevel: 1, responseRatePercent: null })] }).outcome).toBe('incomplete');
  });

  it('a partial record (a field left undefined by a caller) reads as missing, not as NaN or a pass', () => {
    const partial = { month: '2026-12', merchantLevel: 5 } as unknown as Parameters<typeof mm>[1] & { month: string };
    expect(assess(rules, { period: dec, figures: [partial as never] })).toMatchObject({ outcome: 'incomplete', missing: ['pickupRate', 'responseRate'] });
  });

  it('edited thresholds change the outcome', () => {
    const figures = [mm('2026-12', { merchantLevel: 3, pickupRatePercent: 92.5, responseRatePercent: 85 })];
    expect(assess({ ...rules, minMerchantLevel: 4 }, { period: dec, figures }).outcome).toBe('fail');
    expect(assess({ ...rules, minPickupRatePercent: 92.51 }, { period: dec, figures }).outcome).toBe('fail');
    expect(assess(monthlyWarningRuleSetSchema.parse({ kind: 'monthlyWarning', minResponseRatePercent: 80 }), { period: dec, figures: [mm('2026-12', { responseRatePercent: 80 })] }).outcome).toBe('pass');
  });

  it('refuses a period longer than a month and duplicated month records', () => {
    expect(() => assess(rules, { period: { ...dec, months: ['2026-12', '2027-01'] }, figures: [] })).toThrow(RangeError);
    expect(() => assess(rules, { period: dec, figures: [mm('2026-12'), mm('2026-12')] })).toThrow(RangeError);
  });
});
