// Dates and money the way each locale writes them (zh-CN: 2026年11月23日, ¥100,000.00, 500 万元).
import type { Locale } from '../i18n/i18n';

const tag = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-US');

export function formatYuan(yuan: number | null, locale: Locale): string {
  if (yuan == null) return '—';
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'CNY', currencyDisplay: 'symbol' }).format(yuan);
}

export function formatWan(wan: number, locale: Locale): string {
  if (locale === 'zh-CN') return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(wan)} 万元`;
  return `CNY ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(wan * 10_000)}`;
}

/** A calendar date (YYYY-MM-DD) is a day, not an instant: format it without any time zone shift. */
export function formatDay(isoDay: string, locale: Locale): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return new Intl.DateTimeFormat(tag(locale), { year: 'numeric', month: locale === 'zh-CN' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
