/** A company name split before its last two characters (by code point), the unit CompanyName keeps unbroken. */
export function splitTail(name: string): [string, string] {
  const chars = [...name];
  if (chars.length <= 2) return ['', name];
  return [chars.slice(0, -2).join(''), chars.slice(-2).join('')];
}
