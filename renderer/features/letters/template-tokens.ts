// The template editor shows placeholders in the user's words — {{承办部门}}, not {{issuerDepartment}} (issue
// 11: no English tokens in the editor) — while templates are stored with the field keys the letter renderer
// reads. These two functions translate between the two; a placeholder that names no field is left exactly as
// typed, so the template checks still report it.
import type { LetterField } from '../../../shared/letters';

const TOKEN = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** {{field}} → {{label}} for every known field. */
export function toDisplayTokens(text: string, labelOf: (field: LetterField) => string, fields: readonly LetterField[]): string {
  const known = new Set<string>(fields);
  return text.replace(TOKEN, (whole, name: string) => (known.has(name) ? `{{${labelOf(name as LetterField)}}}` : whole));
}

/** {{label}} (or an English key typed by hand) → {{field}}. */
export function fromDisplayTokens(text: string, labelOf: (field: LetterField) => string, fields: readonly LetterField[]): string {
  const byLabel = new Map<string, LetterField>(fields.map((f) => [labelOf(f), f]));
  const known = new Set<string>(fields);
  return text.replace(TOKEN, (whole, name: string) => {
    const field = byLabel.get(name) ?? (known.has(name) ? (name as LetterField) : undefined);
    return field ? `{{${field}}}` : whole;
  });
}
