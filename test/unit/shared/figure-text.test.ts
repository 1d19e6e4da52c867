// Figures as people type them or Excel stores them (shared/cooperations/figure-text.ts): the one reader the
// figures grid and the import share.
import { describe, expect, it } from 'vitest';
import { figureInputText, parseFigure } from '../../../shared/cooperations/figure-text';

describe('parseFigure', () => {
  it('reads what a Chinese keyboard and Excel give', () => {
    expect(parseFigure('pickupRatePercent', '89.99')).toEqual({ ok: true, value: 89.99 });
    expect(parseFigure('pickupRatePercent', '８９。９９％')).toEqual({ ok: true, value: 89.99 });
    expect(parseFigure('pickupRatePercent', ' 90 % ')).toEqual({ ok: true, value: 90 });
    expect(parseFigure('pickupRatePercent', '89.990')).toEqual({ ok: true, value: 89.99 });
    expect(parseFigure('merchantLevel', 'L3')).toEqual({ ok: true, value: 3 });
    expect(parseFigure('merchantLevel', 'l10')).toEqual({ ok: true, value: 10 });
    expect(parseFigure('newlyBoundGmvYuan', '¥58,000.00')).toEqual({ ok: true, value: 58_000 });
    expect(parseFigure('newlyBoundGmvYuan', '58000.5元')).toEqual({ ok: true, value: 58_000.5 });
    expect(parseFigure('orders', '12,100')).toEqual({ ok: true, value: 12_100 });
    expect(parseFigure('orders', 12_100)).toEqual({ ok: true, value: 12_100 });
    expect(parseFigure('pickupRatePercent', 0.1 + 0.2 + 89)).toEqual({ ok: true, value: 0.1 + 0.2 + 89 }); // float noise is not a third decimal
  });

  it('empty is "not entered", never 0', () => {
    expect(parseFigure('orders', '')).toEqual({ ok: true, value: null });
    expect(parseFigure('orders', '   ')).toEqual({ ok: true, value: null });
    expect(parseFigure('orders', null)).toEqual({ ok: true, value: null });
    expect(parseFigure('orders', '0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses with a reason', () => {
    expect(parseFigure('pickupRatePercent', '100.01')).toEqual({ ok: false, problem: 'percentRange' });
    expect(parseFigure('pickupRatePercent', '89.999')).toEqual({ ok: false, problem: 'decimals2' });
    expect(parseFigure('pickupRatePercent', 0.9)).toEqual({ ok: false, problem: 'fractionPercent' });
    expect(parseFigure('pickupRatePercent', '-1')).toEqual({ ok: false, problem: 'negative' });
    expect(parseFigure('orders', '85,5')).toEqual({ ok: false, problem: 'number' }); // never 855
    expect(parseFigure('orders', '10.5')).toEqual({ ok: false, problem: 'integer' });
    expect(parseFigure('orders', '1e4')).toEqual({ ok: false, problem: 'number' });
    expect(parseFigure('orders', '2000000000000')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseFigure('merchantLevel', 'L11')).toEqual({ ok: false, problem: 'level' });
    expect(parseFigure('merchantLevel', 'L3.5')).toEqual({ ok: false, problem: 'level' });
    expect(parseFigure('merchantLevel', '三级')).toEqual({ ok: false, problem: 'level' });
    expect(parseFigure('newlyBoundGmvYuan', '1.005')).toEqual({ ok: false, problem: 'decimals2' });
    expect(parseFigure('newlyBound', 'abc')).toEqual({ ok: false, problem: 'number' });
  });

  it('shows a stored figure so that it reads back the same', () => {
    expect(figureInputText('merchantLevel', 3)).toBe('L3');
    expect(figureInputText('pickupRatePercent', 89.99)).toBe('89.99');
    expect(figureInputText('orders', null)).toBe('');
    for (const [field, value] of [['merchantLevel', 3], ['pickupRatePercent', 89.99], ['newlyBoundGmvYuan', 58000.5]] as const) {
      expect(parseFigure(field, figureInputText(field, value))).toEqual({ ok: true, value });
    }
  });
});
