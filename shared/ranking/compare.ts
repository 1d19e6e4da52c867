// Locale-independent id order: UTF-16 code units, like Array.prototype.sort's default. localeCompare would
// make the neutral display order (and so a screenshot or an export) depend on the machine's ICU data.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
