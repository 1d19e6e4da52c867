// Dates in letters: 2026年11月23日 (GB/T 9704: Arabic numerals, no leading zeros).
import { describe, expect, it } from 'vitest';
import { formatChineseDate, parseChineseDate } from '../../../shared/letters';

describe('formatChineseDate', () => {
  it.each([
    ['2026-11-23', '2026年11月23日'],
    ['2026-01-03', '2026年1月3日'],
    ['2027-12-31', '2027年12月31日'],
    ['2028-02-29', '2028年2月29日'],
    ['2000-02-29', '2000年2月29日'],
  ])('%s → %s', (iso, zh) => {
    expect(formatChineseDate(iso)).toBe(zh);
  });

  it.each(['', '2026-2-3', '2026/11/23', '2026-13-01', '2026-04-31', '2027-02-29', '1900-02-29', '2026-11-23T00:00:00Z'])('refuses %j', (iso) => {
    expect(() => formatChineseDate(iso)).toThrow(RangeError);
  });
});

describe('parseChineseDate', () => {
  it('reads both the unpadded and the padded form', () => {
    expect(parseChineseDate('2026年1月3日')).toBe('2026-01-03');
    expect(parseChineseDate('2026年01月03日')).toBe('2026-01-03');
  });

  it('refuses days that do not exist', () => {
    expect(parseChineseDate('2026年2月30日')).toBeNull();
    expect(parseChineseDate('二〇二六年一月三日')).toBeNull();
  });
});
