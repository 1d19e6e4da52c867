// Letter templates: plain text the chair edits in one text box, with {{placeholders}} and line marks. The
// marks name the parts of a document of GB/T 9704-2012《党政机关公文格式》 (the layout a Chinese platform's
// notices follow); where each part goes on the sheet is LetterPage's business.
//
//   ! {{issuerName}}                    发文机关标志 (letterhead, optional: red, centred, above everything)
//   > {{letterNumber}}                  lines before the salutation: 发文字号 — above the title, centred
//                                       (§7.2.4); after the title in templates written before (kept as is)
//   ---                                 the red separator line under the number (§7.2.6, optional)
//   # 终止合作通知                      title (centred)
//   {{addressee}}：                     the first plain line, when it ends with ：or :, is the salutation
//                                       (主送, flush left as GB/T 9704 §7.3.2 has it)
//   依据……{{clause}}……                 every other plain line is one paragraph (first-line indent 2em)
//   > {{issuerName}}                    right-aligned lines after the salutation: the signature block
//   > {{letterDate}}
//   | 抄送：{{copyTo}}                  版记 lines (§7.4: 抄送, 印发机关和印发日期), optional: a 版记 line
//                                       with an empty placeholder is left out, never printed half blank,
//                                       so its fields never stop a letter from being issued
//
// One line is one paragraph (Enter starts a new one, as in a word processor); blank lines are ignored, as
// are leading spaces and ideographic spaces (　　) typed out of habit — the layout indents. The full-width
// ＃ and ＞ a Chinese input method types are accepted too.
// Rendering produces spans, not strings, so a preview can mark a missing value and an archive can store the
// exact letter as issued (RenderedLetter is plain JSON).
import { inferIdentityKind } from '../dossiers/identity';
import { isLetterField, REQUIRED_FIELDS, type LetterField, type LetterFields, type LetterKind } from './kinds';

export interface LetterTemplate {
  kind: LetterKind;
  text: string;
}

export type LetterSpan =
  | { text: string } // template text, or a placeholder with an unknown name kept literally
  | { field: LetterField; value: string }
  | { missing: LetterField }; // empty for this letter: previews mark it, issuing refuses it

export type LetterLine = LetterSpan[];

export type LetterBlock =
  | { role: 'letterhead'; spans: LetterLine }
  | { role: 'rule' }
  | { role: 'record'; lines: LetterLine[] }
  | { role: 'title'; spans: LetterLine }
  | { role: 'reference'; lines: LetterLine[] }
  | { role: 'salutation'; spans: LetterLine }
  | { role: 'paragraph'; spans: LetterLine }
  | { role: 'signature'; lines: LetterLine[] };

/**
 * 'gbt9704': laid out as GB/T 9704-2012 (number above the title, 三号 body, page numbers, the closing kept
 * with the signature). Absent in letters archived before that layout existed: they reprint with the layout
 * they were issued in (letters.css keeps it), since the archive is the letter as issued.
 */
export const LETTER_LAYOUT = 'gbt9704';

export interface RenderedLetter {
  kind: LetterKind;
  layout?: typeof LETTER_LAYOUT;
  blocks: LetterBlock[];
  /**
   * The short fingerprint of the change history's chain head when the letter was issued ("3f2a 91c0 7be4
   * 0d15"), printed in the footer so a later rewrite of the history is detectable against paper. Absent in
   * letters issued before it was printed (they reprint as they were) and in previews.
   */
  chainFingerprint?: string;
}

export type TemplateProblem =
  | { code: 'noTitle' }
  | { code: 'unknownField'; name: string }
  | { code: 'malformedPlaceholder'; text: string }
  | { code: 'requiredFieldAbsent'; field: LetterField };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const TITLE = /^[#＃]\s*/;
const RIGHT = /^[>＞]\s*/;
const LETTERHEAD = /^[!！]\s*/;
const RECORD = /^[|｜]\s*/;
const RULE = /^(?:-{3,}|—{2,}|－{3,})$/;
// \s covers the ideographic space U+3000 (Unicode Zs); it is named anyway for the reader.
const LEADING_SPACE = /^[\s\u3000]+/;

type LineKind = 'title' | 'right' | 'plain' | 'letterhead' | 'rule' | 'record';

interface ParsedLine {
  kind: LineKind;
  body: string;
}

function parseLines(text: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(LEADING_SPACE, '').trimEnd();
    if (line === '') continue;
    if (RULE.test(line)) out.push({ kind: 'rule', body: '' });
    else if (TITLE.test(line)) out.push({ kind: 'title', body: line.replace(TITLE, '') });
    else if (LETTERHEAD.test(line)) out.push({ kind: 'letterhead', body: line.replace(LETTERHEAD, '') });
    else if (RECORD.test(line)) out.push({ kind: 'record', body: line.replace(RECORD, '') });
    else if (RIGHT.test(line)) out.push({ kind: 'right', body: line.replace(RIGHT, '') });
    else out.push({ kind: 'plain', body: line });
  }
  return out;
}

/** Every known field the template uses, in order of first use. */
export function fieldsUsed(text: string): LetterField[] {
  const seen = new Set<LetterField>();
  for (const m of text.matchAll(PLACEHOLDER)) if (isLetterField(m[1]!)) seen.add(m[1]);
  return [...seen];
}

/** The template without its 版记 lines: what must be filled in for the letter to be issued. */
function withoutRecordLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((raw) => !RECORD.test(raw.replace(LEADING_SPACE, '')))
    .join('\n');
}

/** What is wrong with the template itself, whatever the letter: the editor shows these, storage refuses them. */
export function templateProblems(template: LetterTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const lines = parseLines(template.text);
  if (!lines.some((l) => l.kind === 'title' && l.body.trim() !== '')) problems.push({ code: 'noTitle' });
  const unknown = new Set<string>();
  for (const m of template.text.matchAll(PLACEHOLDER)) if (!isLetterField(m[1]!)) unknown.add(m[1]!);
  for (const name of unknown) problems.push({ code: 'unknownField', name });
  // Braces left over once the well-formed placeholders are gone: {{addressee}, {addressee}}, {{ 收件人 }}.
  for (const line of template.text.split(/\r\n|\r|\n/)) {
    const rest = line.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}')) problems.push({ code: 'malformedPlaceholder', text: line.trim() });
  }
  // A required field only in a 版记 line would be left out when empty: it must stand in the letter itself.
  const used = new Set(fieldsUsed(withoutRecordLines(template.text)));
  for (const field of REQUIRED_FIELDS[template.kind]) if (!used.has(field)) problems.push({ code: 'requiredFieldAbsent', field });
  return problems;
}

/**
 * A value as it will be printed: one line, no surrounding blanks, and no trailing 。；，、 — values sit inside
 * the template's sentences (因{{reason}}，根据…), so the template's punctuation governs ('' means missing).
 */
export function fieldText(fields: LetterFields, field: LetterField): string {
  return (fields[field] ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim().replace(/[。；;，,、\s]+$/u, '');
}

/**
 * Every placeholder of this template that is empty for this letter, in order of first use. A letter with
 * any is not issued: the committee is told what to fill in, and nothing is ever printed blank.
 */
export function missingFields(template: LetterTemplate | string, fields: LetterFields): LetterField[] {
  const text = withoutRecordLines(typeof template === 'string' ? template : template.text);
  return fieldsUsed(text).filter((f) => fieldText(fields, f) === '');
}

const CREDIT_CODE_LABEL = /统一社会信用代码([：:]\s*)$/u;
function relabelIdentity(spans: LetterSpan[]): void {
  const last = spans[spans.length - 1];
  if (last && 'text' in last) last.text = last.text.replace(CREDIT_CODE_LABEL, '身份证号$1');
}

/**
 * A letter to a person (个人, 《精选联盟资质认证》) says 您 where the templates and the programs' default
 * reasons say 贵司 ("your company"): 贵司 only ever addresses the recipient, so the swap is safe in template
 * text and in filled-in values alike.
 */
const COMPANY_YOU = /贵司/gu;
const addressing = (toPerson: boolean) => (text: string) => (toPerson ? text.replace(COMPANY_YOU, '您') : text);

function substitute(body: string, fields: LetterFields, toPerson: boolean): LetterLine {
  const spans: LetterSpan[] = [];
  const address = addressing(toPerson);
  const pushText = (raw: string) => {
    const text = address(raw);
    if (text === '') return;
    const last = spans[spans.length - 1];
    if (last && 'text' in last) last.text += text;
    else spans.push({ text });
  };
  let at = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    pushText(body.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[1]!;
    if (!isLetterField(name)) {
      pushText(m[0]);
      continue;
    }
    const value = address(fieldText(fields, name));
    // A person (个人, 《精选联盟资质认证》) has a 居民身份证号, not a 统一社会信用代码: the label the template puts
    // right before the number follows the number's kind (identity.ts), so a letter never misnames it.
    if (name === 'creditCode' && toPerson) relabelIdentity(spans);
    spans.push(value === '' ? { missing: name } : { field: name, value });
  }
  pushText(body.slice(at));
  return spans;
}

/**
 * The letter laid out in blocks, values filled in; empty values become { missing } spans, except in 版记
 * lines, which are left out instead (they are optional).
 */
export function renderLetter(template: LetterTemplate, fields: LetterFields): RenderedLetter {
  const blocks: LetterBlock[] = [];
  let bodyStarted = false;
  const creditCode = fieldText(fields, 'creditCode');
  const toPerson = creditCode !== '' && inferIdentityKind(creditCode) === 'individual';
  for (const line of parseLines(template.text)) {
    const spans = substitute(line.body, fields, toPerson);
    const last = blocks[blocks.length - 1];
    if (line.kind === 'rule') {
      blocks.push({ role: 'rule' });
    } else if (line.kind === 'record') {
      if (spans.some((s) => 'missing' in s)) continue;
      if (last && last.role === 'record') last.lines.push(spans);
      else blocks.push({ role: 'record', lines: [spans] });
    } else if (line.kind === 'letterhead') {
      blocks.push({ role: 'letterhead', spans });
    } else if (line.kind === 'title') {
      blocks.push({ role: 'title', spans });
    } else if (line.kind === 'right') {
      const role = bodyStarted ? 'signature' : 'reference';
      if (last && last.role === role) last.lines.push(spans);
      else blocks.push({ role, lines: [spans] });
    } else if (!bodyStarted && /[：:]$/.test(line.body)) {
      bodyStarted = true;
      blocks.push({ role: 'salutation', spans });
    } else {
      bodyStarted = true;
      blocks.push({ role: 'paragraph', spans });
    }
  }
  return { kind: template.kind, layout: LETTER_LAYOUT, blocks };
}

export type IssueCheck =
  | { ok: true; letter: RenderedLetter; text: string }
  | { ok: false; problems: TemplateProblem[]; missing: LetterField[] };

/**
 * The gate before a letter number is spent: the template must be sound and every field it uses filled in.
 * On success, the rendered letter and its plain text are what gets archived (and hashed) as issued.
 */
export function checkIssuable(template: LetterTemplate, fields: LetterFields): IssueCheck {
  const problems = templateProblems(template);
  const missing = missingFields(template, fields);
  if (problems.length > 0 || missing.length > 0) return { ok: false, problems, missing };
  const letter = renderLetter(template, fields);
  return { ok: true, letter, text: letterPlainText(letter) };
}

export const spanText = (span: LetterSpan): string => ('text' in span ? span.text : 'value' in span ? span.value : `{{${span.missing}}}`);
export const lineText = (line: LetterLine): string => line.map(spanText).join('');

/**
 * The letter as plain text (for the archive, its hash, and clipboard): paragraphs indented with two
 * ideographic spaces as Chinese plain text does, a blank line between the head, the body and the signature.
 * A missing value shows as its {{placeholder}}, so it can never pass for a complete letter.
 */
export function letterPlainText(letter: RenderedLetter): string {
  const out: string[] = [];
  let previous: LetterBlock['role'] | null = null;
  for (const block of letter.blocks) {
    const boundary = previous !== null && (block.role === 'salutation' || block.role === 'signature' || block.role === 'record' || (previous === 'signature' && block.role === 'paragraph'));
    if (boundary) out.push('');
    switch (block.role) {
      case 'rule':
        break;
      case 'letterhead':
      case 'title':
      case 'salutation':
        out.push(lineText(block.spans));
        break;
      case 'paragraph':
        out.push(`\u3000\u3000${lineText(block.spans)}`);
        break;
      case 'reference':
      case 'signature':
      case 'record':
        for (const line of block.lines) out.push(lineText(line));
        break;
    }
    previous = block.role;
  }
  return `${out.join('\n')}\n`;
}
