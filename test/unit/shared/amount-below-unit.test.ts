// Found by the API fuzz (issue 9): a positive amount far below one 分 (1e-9 元) passed the "at most two
// decimals" rule as float noise, became 0 分 and failed the database's price_quote_fen > 0 check — an
// INTERNAL error instead of a validation message.
import { describe, expect, it } from 'vitest';
import { amount } from '../../../shared/common/validation';

describe('amount below the smallest unit', () => {
  const yuan = amount(2, 1_000_000_000);
  it('refuses non-zero amounts that round to 0 分, keeps 0 and real amounts (with float noise)', () => {
    for (const tiny of [1e-9, 1.4701012726046416e-45, 5e-324, -1e-12]) expect(yuan.safeParse(tiny).success).toBe(false);
    expect(yuan.safeParse(0).success).toBe(true);
    expect(yuan.safeParse(0.01).success).toBe(true);
    expect(yuan.safeParse(0.1 + 0.2).success).toBe(true);
    expect(yuan.safeParse(555_555_555.55).success).toBe(true);
    expect(amount(0, 1_000).safeParse(1e-10).success).toBe(false);
  });
});
