// dossierInputSchema field by field: what a form or an import row may contain. Messages are locale keys.
import { describe, expect, it } from 'vitest';
import { dossierInputSchema, type DossierInput } from '../../../shared/dossiers/schema';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';

/** path → message key of every issue, for the dossier with `overrides` applied. */
function problems(overrides: Record<string, unknown>): Record<string, string> {
  const result = dossierInputSchema.safeParse({ ...dossierInput(), ...overrides });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}
const parsed = (overrides: Partial<DossierInput>) => dossierInputSchema.parse(dossierInput(overrides));

describe('dossierInputSchema', () => {
  it('accepts the complete example dossier unchanged', () => {
    expect(problems({})).toEqual({});
    expect(parsed({})).toEqual({ identityKind: 'organization', ...dossierInput() }); // the kind defaults (migration 014)
  });

  describe('required texts', () => {
    it.each(['legalName', 'legalRepresentative', 'province', 'city'])('%s: missing, empty or blank → error.required', (field) => {
      expect(problems({ [field]: undefined })).toEqual({ [field]: 'error.required' });
      expect(problems({ [field]: '' })).toEqual({ [field]: 'error.required' });
      expect(problems({ [field]: ' \t ' })).toEqual({ [field]: 'error.required' });
    });

    it.each([
      ['legalName', 100],
      ['legalRepresentative', 40],
      ['province', 20],
      ['city', 30],
      ['introduction', 5000],
      ['notes', 5000],
    ])('%s: %i characters fit, one more → error.tooLong', (field, max) => {
      expect(problems({ [field]: '机'.repeat(max) })).toEqual({});
      expect(problems({ [field]: '机'.repeat(max + 1) })).toEqual({ [field]: 'error.tooLong' });
    });

    it('trims before checking and storing, so padding never counts against the limit', () => {
      expect(parsed({ legalName: `  ${'机'.repeat(100)}  ` }).legalName).toBe('机'.repeat(100));
    });

    it('defaults the optional texts to empty', () => {
      const result = dossierInputSchema.parse({ ...dossierInput(), introduction: undefined, notes: undefined });
      expect(result).toMatchObject({ introduction: '', notes: '' });
    });
  });

  describe('统一社会信用代码', () => {
    it('normalises spaces and case', () => {
      expect(parsed({ creditCode: ' 9133 0100 7161 0585 2f ' }).creditCode).toBe(REAL_CREDIT_CODES[0]);
    });

    it.each([
      ['', 'error.required'],
      ['   ', 'error.required'],
      ['9133010071610585', 'error.creditCode.length'],
      ['91330100716105852I', 'error.creditCode.charset'],
      ['91330100716105852E', 'error.creditCode.checksum'],
    ])('%j → %s', (creditCode, key) => {
      expect(problems({ creditCode })).toEqual({ creditCode: key });
    });
  });

  describe('money', () => {
    it.each([
      ['registeredCapitalWan', 500.1234, 500.12345, 'error.decimals4'], // 万元 to 4 places = whole 元
      ['depositPaidYuan', 100000.12, 100000.123, 'error.decimals2'], // 元 to 2 places = whole 分
      ['priceQuoteYuan', 38000.5, 38000.505, 'error.decimals2'],
    ])('%s accepts %d and rejects %d with %s', (field, good, bad, key) => {
      expect(problems({ [field]: good })).toEqual({});
      expect(problems({ [field]: bad })).toEqual({ [field]: key });
    });

    it('counts decimals on the decimal value, not on its float error (0.1 + 0.2, 19.99 are fine; 1.005 is not)', () => {
      expect(problems({ depositPaidYuan: 0.1 + 0.2 })).toEqual({});
      expect(problems({ depositPaidYuan: 19.99 })).toEqual({});
      expect(problems({ depositPaidYuan: 1.005 })).toEqual({ depositPaidYuan: 'error.decimals2' });
    });

    it('accepts exact decimals near the upper limits (no precision loss on large amounts)', () => {
      // Scaling such values by 10^decimals·10^6 used to pass 2^53 and lose the last digits.
      expect(problems({ depositPaidYuan: 999_999_999.99, priceQuoteYuan: 555_555_555.55 })).toEqual({});
      expect(problems({ registeredCapitalWan: 99_999_999.9999 })).toEqual({});
      expect(problems({ registeredCapitalWan: 12_345_678.1234 })).toEqual({});
      expect(problems({ registeredCapitalWan: 12_345_678.12345 })).toEqual({ registeredCapitalWan: 'error.decimals4' });
      expect(problems({ depositPaidYuan: 999_999_999.995 })).toEqual({ depositPaidYuan: 'error.decimals2' });
    });

    it.each(['registeredCapitalWan', 'depositPaidYuan', 'priceQuoteYuan'])('%s: negative → error.negative, zero is fine', (field) => {
      expect(problems({ [field]: -0.01 })).toEqual({ [field]: 'error.negative' });
      expect(problems({ [field]: 0 })).toEqual({});
    });

    it('caps amounts: capital at 1亿 万元, money at 10亿 元', () => {
      expect(problems({ registeredCapitalWan: 100_000_000 })).toEqual({});
      expect(problems({ registeredCapitalWan: 100_000_001 })).toEqual({ registeredCapitalWan: 'error.tooLarge' });
      expect(problems({ depositPaidYuan: 1_000_000_001 })).toEqual({ depositPaidYuan: 'error.tooLarge' });
    });

    it('rejects text, NaN and infinity as error.number', () => {
      expect(problems({ registeredCapitalWan: '500' })).toEqual({ registeredCapitalWan: 'error.number' });
      expect(problems({ depositPaidYuan: Number.NaN })).toEqual({ depositPaidYuan: 'error.number' });
      expect(problems({ depositPaidYuan: Number.POSITIVE_INFINITY }).depositPaidYuan).toMatch(/^error\.(number|tooLarge)$/);
    });

    it('reports a missing amount as error.required, not as "应为数字"', () => {
      expect(problems({ registeredCapitalWan: undefined })).toEqual({ registeredCapitalWan: 'error.required' });
      expect(problems({ depositPaidYuan: undefined })).toEqual({ depositPaidYuan: 'error.required' });
    });

    it('allows no price quote (null) but not a missing field', () => {
      expect(problems({ priceQuoteYuan: null })).toEqual({});
      expect(Object.keys(problems({ priceQuoteYuan: undefined }))).toEqual(['priceQuoteYuan']);
    });
  });

  describe('成立日期', () => {
    it.each(['2018-06-01', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts the real date %s', (establishedOn) => {
      expect(problems({ establishedOn })).toEqual({});
    });

    it.each(['2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-5', '2023/01/05', '20230105', '', '2023-01-05T00:00:00Z'])(
      'rejects %j with error.date',
      (establishedOn) => {
        expect(problems({ establishedOn })).toEqual({ establishedOn: 'error.date' });
      },
    );
  });

  describe('choices and flags', () => {
    it('taxpayerType is general or small, anything else → error.choose', () => {
      expect(problems({ taxpayerType: 'small' })).toEqual({});
      expect(problems({ taxpayerType: '一般纳税人' })).toEqual({ taxpayerType: 'error.choose' });
      expect(problems({ taxpayerType: '' })).toEqual({ taxpayerType: 'error.choose' });
      expect(problems({ taxpayerType: undefined })).toEqual({ taxpayerType: 'error.choose' });
    });

    it('flags must be real booleans, not "是" or 1', () => {
      expect(Object.keys(problems({ realNameVerified: '是' }))).toEqual(['realNameVerified']);
      expect(Object.keys(problems({ isShopAccount: 1 }))).toEqual(['isShopAccount']);
    });

    it('capabilities come back deduplicated in the seed order (BD拓展 … 货品整合分发)', () => {
      expect(parsed({ capabilities: ['sourcing', 'bd', 'traffic', 'bd'] }).capabilities).toEqual(['bd', 'traffic', 'sourcing']);
      expect(parsed({ capabilities: [] }).capabilities).toEqual([]);
      expect(Object.keys(problems({ capabilities: ['bd', 'livestream'] }))).toEqual(['capabilities.1']);
    });
  });
});
