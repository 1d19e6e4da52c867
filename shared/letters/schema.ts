// Zod schemas for letters: templates (checked with templateProblems), field values, number parts, the
// built-in template pack shipped in resources/letters, and rendered letters (what the archive keeps).
// Messages are the project's existing locale keys; a template problem is a generic 'error.invalid' whose
// params name it ({ problem, field | name | text }), so the editor can word it from letters.json.
import { z } from 'zod';
import { humanText } from '../common/validation';
import { BAN_REASONS } from '../eligibility/readmission';
import { LETTER_FIELDS, LETTER_KINDS, type LetterKind } from './kinds';
import { LETTER_PREFIX_FORBIDDEN } from './letter-number';
import { LETTER_LAYOUT, templateProblems, type LetterTemplate, type RenderedLetter } from './template';
import type { LetterPhrases } from './fields';

const m = (key: string) => ({ error: key });

export const LETTER_TEMPLATE_MAX = 20_000;
export const LETTER_FIELD_MAX = 500;

export const letterKindSchema = z.enum(LETTER_KINDS, m('error.choose'));
export const letterFieldSchema = z.enum(LETTER_FIELDS, m('error.invalid'));

/**
 * One printed line: a line break inside a value would break the layout (and the signature block), so the
 * single-line text rule (no controls, no bidi overrides, NFC). Empty is allowed: missingFields reports it.
 */
export const letterFieldValueSchema = humanText(LETTER_FIELD_MAX);

/** Field values by name; unknown names are refused. Emptiness is not an error here: missingFields reports it. */
export const letterFieldsSchema = z.partialRecord(letterFieldSchema, letterFieldValueSchema);

export const letterTemplateSchema = z
  .object({ kind: letterKindSchema, text: z.string(m('error.text')).max(LETTER_TEMPLATE_MAX, m('error.tooLong')) })
  .superRefine((t, ctx) => {
    for (const problem of templateProblems(t)) {
      const { code, ...detail } = problem;
      ctx.addIssue({ code: 'custom', message: 'error.invalid', path: ['text'], params: { problem: code, ...detail } });
    }
  }) satisfies z.ZodType<LetterTemplate>;

export const letterNumberPartsSchema = z.object({
  prefix: z
    .string(m('error.text'))
    .trim()
    .max(20, m('error.tooLong'))
    .refine((p) => !LETTER_PREFIX_FORBIDDEN.test(p), m('error.invalid')),
  year: z.number(m('error.number')).int(m('error.integer')).min(1000, m('error.invalid')).max(9999, m('error.invalid')),
  seq: z.number(m('error.number')).int(m('error.integer')).positive(m('error.positive')),
});

// ---- the built-in pack (resources/letters/<locale>.json) ----

const phrase = z.string().trim().min(1);
export const letterPhrasesSchema = z.object({
  readmission: z.object({
    date: phrase.refine((s) => /\{\{\s*date\s*\}\}/.test(s), 'the date phrase must contain {{date}}'),
    never: phrase,
    whenRequirementsMet: phrase,
  }),
  termination: z.record(z.enum(BAN_REASONS), z.object({ reason: phrase, clause: phrase })),
}) satisfies z.ZodType<LetterPhrases>;

const packTemplateSchema = z.object({
  /** Shown in the template list; document content, so it lives with the template. */
  name: phrase,
  /** The template text one line per array item, for a readable JSON file; joined with \n. */
  lines: z.array(z.string()).min(1),
});

export const letterPackSchema = z.object({
  locale: z.string(),
  templates: z.record(letterKindSchema, packTemplateSchema),
  phrases: letterPhrasesSchema,
});

export interface BuiltinLetterTemplate extends LetterTemplate {
  name: string;
}

export interface LetterPack {
  locale: string;
  templates: Record<LetterKind, BuiltinLetterTemplate>;
  phrases: LetterPhrases;
}

/**
 * Parses a template pack (the JSON the renderer or backend imported from resources/letters) and checks every
 * template with templateProblems. Throws on a broken pack: it ships with the app, so that is a build bug.
 */
export function parseLetterPack(raw: unknown): LetterPack {
  const pack = letterPackSchema.parse(raw);
  const templates = {} as Record<LetterKind, BuiltinLetterTemplate>;
  for (const kind of LETTER_KINDS) {
    const t = pack.templates[kind];
    const template = letterTemplateSchema.parse({ kind, text: t.lines.join('\n') });
    templates[kind] = { ...template, name: t.name };
  }
  return { locale: pack.locale, templates, phrases: pack.phrases };
}

// ---- rendered letters (archived exactly as issued) ----

const spanSchema = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ field: letterFieldSchema, value: z.string() }).strict(),
  z.object({ missing: letterFieldSchema }).strict(),
]);
const lineSchema = z.array(spanSchema);
const blockSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('letterhead'), spans: lineSchema }),
  z.object({ role: z.literal('rule') }),
  z.object({ role: z.literal('record'), lines: z.array(lineSchema) }),
  z.object({ role: z.literal('title'), spans: lineSchema }),
  z.object({ role: z.literal('reference'), lines: z.array(lineSchema) }),
  z.object({ role: z.literal('salutation'), spans: lineSchema }),
  z.object({ role: z.literal('paragraph'), spans: lineSchema }),
  z.object({ role: z.literal('signature'), lines: z.array(lineSchema) }),
]);

export const renderedLetterSchema = z.object({ kind: letterKindSchema, layout: z.literal(LETTER_LAYOUT).optional(), blocks: z.array(blockSchema) }) satisfies z.ZodType<RenderedLetter>;
