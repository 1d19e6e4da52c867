// The layout options of a template, as the template editor offers them (checkboxes), kept in the template
// text itself so that a letter's archived content carries them: the 发文机关标志 (letterhead, a "! " line at
// the top, GB/T 9704-2012 §7.2.5) and the red separator line under the number (a "---" line before the
// title, §7.2.6). Both are off in the built-in templates: a platform's notice to one provider is usually
// sent without a 红头; the chair switches them on per kind.

const LINE_BREAK = /\r\n|\r|\n/;
const LETTERHEAD_LINE = /^[\s\u3000]*[!！]/;
const RULE_LINE = /^[\s\u3000]*(?:-{3,}|—{2,}|－{3,})[\s\u3000]*$/;
const TITLE_LINE = /^[\s\u3000]*[#＃]/;

/** The letterhead the checkbox inserts: the issuer's name, as 发文机关标志 (the chair may edit the line). */
export const DEFAULT_LETTERHEAD_LINE = '! {{issuerName}}';
export const RULE_MARK = '---';

export const hasLetterhead = (text: string): boolean => text.split(LINE_BREAK).some((l) => LETTERHEAD_LINE.test(l));
export const hasRedLine = (text: string): boolean => {
  // Only a rule above the title is the red line of the 版头.
  for (const line of text.split(LINE_BREAK)) {
    if (TITLE_LINE.test(line)) return false;
    if (RULE_LINE.test(line)) return true;
  }
  return false;
};

/** Adds the letterhead as the first line, or removes every letterhead line. */
export function setLetterhead(text: string, on: boolean): string {
  const lines = text.split(LINE_BREAK);
  if (!on) return lines.filter((l) => !LETTERHEAD_LINE.test(l)).join('\n');
  return hasLetterhead(text) ? text : [DEFAULT_LETTERHEAD_LINE, ...lines].join('\n');
}

/** Adds the red line right above the title, or removes the rules above the title. */
export function setRedLine(text: string, on: boolean): string {
  const lines = text.split(LINE_BREAK);
  const title = lines.findIndex((l) => TITLE_LINE.test(l));
  const end = title === -1 ? lines.length : title;
  if (!on) return lines.filter((l, i) => !(i < end && RULE_LINE.test(l))).join('\n');
  if (hasRedLine(text)) return text;
  return [...lines.slice(0, end), RULE_MARK, ...lines.slice(end)].join('\n');
}
