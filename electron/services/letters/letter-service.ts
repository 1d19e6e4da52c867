// Letters (函件): templates (the chair's edits over the built-in pack), never-reused numbers per year and
// kind, and every issued letter archived exactly as issued with its sha256, so it reprints identically.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { mustGetDossier } from '../dossiers/dossier-service';
import builtInPack from '../../../resources/letters/zh-CN.json';
import { parseLetterPack, type LetterPack } from '../../../shared/letters/schema';
import { checkIssuable, renderLetter, type RenderedLetter } from '../../../shared/letters/template';
import { DEFAULT_LETTER_NUMBER_STYLE, DEFAULT_LETTER_PREFIX, formatLetterNumber, placeholderLetterNumber, type LetterNumberStyle } from '../../../shared/letters/letter-number';
import { isBackdated } from '../../../shared/letters/fields';
import type { LetterFields, LetterKind } from '../../../shared/letters/kinds';
import type { EffectiveTemplate, IssuedLetter } from '../../../shared/cooperations/views';
import { chainHead, fingerprint } from '../history/chain';

export const LETTER_ENTITY = 'letter';
const BUILT_IN: LetterPack = parseLetterPack(builtInPack);


/** The built-in text (no row yet) is version 0; every save of the chair's template adds one. */
export function getTemplate(ctx: ServiceContext, kind: LetterKind): EffectiveTemplate {
  const row = ctx.db.prepare('SELECT * FROM letter_templates WHERE kind = ?').get(kind) as { title: string; body: string; prefix: string; number_style: LetterNumberStyle; updated_at: string; updated_by: string; version: number } | undefined;
  const builtIn = BUILT_IN.templates[kind];
  if (!row) return { ...builtIn, prefix: DEFAULT_LETTER_PREFIX[kind], numberStyle: DEFAULT_LETTER_NUMBER_STYLE, builtIn: true, updatedAt: null, updatedBy: null, version: 0 };
  return { kind, text: row.body, name: row.title, prefix: row.prefix, numberStyle: row.number_style, builtIn: false, updatedAt: row.updated_at, updatedBy: row.updated_by, version: row.version };
}

export const letterPhrases = () => BUILT_IN.phrases;

/**
 * Saves the chair's template; without numberStyle the style in force is kept. `version` is the one the
 * editor loaded (0 for the built-in text): a newer template means someone else saved first, and their
 * text is not overwritten (CONFLICT).
 */
export function saveTemplate(ctx: ServiceContext, input: { kind: LetterKind; version: number; name: string; text: string; prefix: string; numberStyle?: LetterNumberStyle }): EffectiveTemplate {
  write(ctx, (w) => {
    const before = getTemplate(ctx, input.kind);
    if (before.version !== input.version) throw new AppError('CONFLICT', zh('error.templateVersionConflict'));
    const numberStyle = input.numberStyle ?? before.numberStyle;
    ctx.db
      .prepare('INSERT INTO letter_templates (kind, title, body, prefix, number_style, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (kind) DO UPDATE SET title = excluded.title, body = excluded.body, prefix = excluded.prefix, number_style = excluded.number_style, updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = letter_templates.version + 1')
      .run(input.kind, input.name, input.text, input.prefix, numberStyle, w.at, w.actor);
    const { version: _version, ...saved } = input;
    w.log({ entity: LETTER_ENTITY, entityId: null, entityKey: `template:${input.kind}`, action: 'update', before: { name: before.name, text: before.text, prefix: before.prefix, numberStyle: before.numberStyle }, after: { ...saved, numberStyle } });
  });
  return getTemplate(ctx, input.kind);
}

interface LetterRow {
  id: string;
  kind: LetterKind;
  number: string;
  dossier_id: number;
  cooperation_id: string | null;
  run_id: string | null;
  fields: string;
  content: string;
  sha256: string;
  issued_at: string;
  issued_by: string;
  voided_at: string | null;
  void_reason: string | null;
  backdate_reason: string | null;
  chain_head: string | null;
}

/** Stored JSON that no longer parses (an altered letter) reads as an empty letter, flagged by its hash. */
function parseOr<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const toLetter = (r: LetterRow): IssuedLetter => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  dossierId: r.dossier_id,
  cooperationId: r.cooperation_id,
  runId: r.run_id,
  fields: parseOr<LetterFields>(r.fields, {}),
  content: parseOr<RenderedLetter>(r.content, { kind: r.kind, blocks: [] }),
  sha256: r.sha256,
  // Re-checked on every read: a letter whose stored content no longer matches the hash it was issued with
  // is returned flagged, so the screen warns instead of printing an altered letter silently.
  integrity: contentHash(r.content) === r.sha256 ? 'ok' : 'mismatch',
  chainHead: r.chain_head,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
  voidedAt: r.voided_at,
  voidReason: r.void_reason,
  backdateReason: r.backdate_reason,
});

export const contentHash = (content: string): string => crypto.createHash('sha256').update(content, 'utf8').digest('hex');

export interface IssueInput {
  kind: LetterKind;
  dossierId: number;
  cooperationId?: string | null;
  runId?: string | null;
  /** Every field except the number, which is assigned here. */
  fields: LetterFields;
  year: number;
  /** Required when the effective date is earlier than the letter date: why, archived with the letter. */
  backdateReason?: string | null;
}


/**
 * Issues one letter: refuses while any field the template uses is empty (never printed blank), then takes
 * the next number of the year and kind inside the same transaction, renders, archives and hashes it.
 */
export function issueLetter(ctx: ServiceContext, input: IssueInput): IssuedLetter {
  const id = write(ctx, (w) => {
    mustGetDossier(ctx, input.dossierId);
    const template = getTemplate(ctx, input.kind);
    const probe = checkIssuable(template, { ...input.fields, letterNumber: placeholderLetterNumber(template.prefix, input.year, template.numberStyle) });
    if (!probe.ok) throw new AppError('VALIDATION', zh('error.letterFieldsMissing', { fields: probe.missing.join('、') }), probe.missing.map((f) => ({ path: `fields.${f}`, key: 'error.required' })));
    const backdateReason = isBackdated(input.fields) ? (input.backdateReason ?? '').trim() : '';
    if (isBackdated(input.fields) && backdateReason === '') {
      throw new AppError('VALIDATION', zh('error.letterBackdated', { effective: input.fields.effectiveDate ?? '', dated: input.fields.letterDate ?? '' }), [{ path: 'backdateReason', key: 'error.required' }]);
    }
    // One statement takes the number: concurrent writers (another window, the CLI) serialise on it.
    const { next_seq: seq } = ctx.db
      .prepare('INSERT INTO letter_counters (year, kind, next_seq) VALUES (?, ?, 2) ON CONFLICT (year, kind) DO UPDATE SET next_seq = next_seq + 1 RETURNING next_seq - 1 AS next_seq')
      .get(input.year, input.kind) as { next_seq: number };
    const number = formatLetterNumber(template.prefix, input.year, seq, template.numberStyle);
    const fields = { ...input.fields, letterNumber: number };
    // The history's chain head before this letter's own entry (that entry records the content's hash, so
    // the content cannot contain the head that follows it). Its fingerprint is part of the archived content,
    // so every reprint shows the same one.
    const head = chainHead(ctx.db);
    const content = JSON.stringify({ ...renderLetter(template, fields), chainFingerprint: fingerprint(head) } satisfies RenderedLetter);
    const id = crypto.randomUUID();
    ctx.db
      .prepare('INSERT INTO letters (id, kind, year, seq, number, dossier_id, cooperation_id, run_id, fields, content, sha256, issued_at, issued_by, backdate_reason, chain_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.kind, input.year, seq, number, input.dossierId, input.cooperationId ?? null, input.runId ?? null, JSON.stringify(fields), content, contentHash(content), w.at, w.actor, backdateReason || null, head);
    w.log({ entity: LETTER_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: { kind: input.kind, number, dossierId: input.dossierId, sha256: contentHash(content), ...(backdateReason ? { backdateReason } : {}) } });
    return id;
  });
  return getLetter(ctx, id);
}

export function getLetter(ctx: ServiceContext, id: string): IssuedLetter {
  const row = ctx.db.prepare('SELECT * FROM letters WHERE id = ?').get(id) as LetterRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return toLetter(row);
}

/** The letters of one cooperation, run or dossier; with no filter, the whole archive (the letters page). */
export function listLetters(ctx: ServiceContext, filter: { dossierId?: number; cooperationId?: string; runId?: string }): IssuedLetter[] {
  const [column, value] = filter.cooperationId ? ['cooperation_id', filter.cooperationId] : filter.runId ? ['run_id', filter.runId] : filter.dossierId !== undefined ? ['dossier_id', filter.dossierId] : [null, null];
  const rows = column === null ? ctx.db.prepare('SELECT * FROM letters ORDER BY issued_at, number').all() : ctx.db.prepare(`SELECT * FROM letters WHERE ${column} = ? ORDER BY issued_at, number`).all(value);
  return (rows as LetterRow[]).map(toLetter);
}

/** A voided letter stays archived and its number stays used: numbers are never given out twice. */
export function voidLetter(ctx: ServiceContext, id: string, reason: string): IssuedLetter {
  write(ctx, (w) => {
    const before = getLetter(ctx, id);
    if (before.voidedAt) return;
    ctx.db.prepare('UPDATE letters SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(w.at, w.actor, reason, id);
    w.log({ entity: LETTER_ENTITY, entityId: null, entityKey: id, action: 'archive', before: { number: before.number }, after: { voidedAt: w.at, reason } });
  });
  return getLetter(ctx, id);
}
