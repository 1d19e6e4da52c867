// Dates as Chinese letters write them: 2026年11月23日. GB/T 9704-2012 §7.3.5.3 (成文日期) uses Arabic
// numerals with the year in full and no leading zeros (不编虚位), which is also how platform notices date
// themselves. Pure string work on YYYY-MM-DD: no Date object, so no time zone can shift the day.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** 2026-11-23 → 2026年11月23日. Throws a RangeError for anything that is not a real calendar day. */
export function formatChineseDate(isoDay: string): string {
  const m = ISO_DAY.exec(isoDay);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(isoDay)}`);
  }
  return `${year}年${month}月${day}日`;
}

/** 2026年11月23日 (also 2026年01月03日) → 2026-11-23; null for anything else. */
export function parseChineseDate(text: string): string | null {
  const m = /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  try {
    formatChineseDate(iso);
    return iso;
  } catch {
    return null;
  }
}
