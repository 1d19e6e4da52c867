// Import of dossiers from XLSX/CSV in two steps: preview (parse, validate, compare with the database,
// write nothing) and commit (one transaction for all valid rows). Rows are matched by 统一社会信用代码, so
// importing the same file twice updates instead of duplicating.
// Issue 11: an update shows what it changes, field by field; a change of identity (企业名称, 法定代表人) is
// flagged and the commit is refused unless the user acknowledged it; an empty cell keeps the stored value
// unless the user chose "空单元格清空字段" (emptyCells: 'clear'); a refused cell is reported with its value.
import { PreviewStore } from '../spreadsheet/preview-store';
import type { ServiceContext } from '../context';
import { actorOf, isoNow } from '../context';
import { zh } from '../../backend/messages';
import { createDossierRepo, type DossierRepo } from './dossier-repo';
import { DOSSIER_ENTITY, dataOf } from './dossier-service';
import { changeAppendBatch, diffFields } from '../history/change-log';
import { bulkDossierWrites, generation } from '../cache/change-tracker';
import { readUploadedTable } from '../spreadsheet/read-upload';
import type { Table } from '../spreadsheet/read-table';
import { DOSSIER_COLUMNS, cellText, classifyIdentity, columnForHeader, emptyDraft, type DossierColumn } from '../../../shared/dossiers/columns';
import { dossierInputSchemaOn, type Dossier, type DossierData } from '../../../shared/dossiers/schema';
import { normalizeCreditCode } from '../../../shared/dossiers/credit-code';
import { IDENTITY_FIELDS, type ImportChange, type ImportIssue, type ImportPreview } from '../../../shared/dossiers/import-schema';
import { AppError } from '../../backend/app-error';

const SAMPLE_ROWS = 100;
const MAX_LISTED_ISSUES = 2000;
const PROGRESS_EVERY = 500;

const MAX_LISTED_CHANGES = 2000;

/**
 * What the preview found a valid row will do, against the stored dossiers as they were then: the commit
 * reuses it while the dossiers' change generation is the one the preview compared at (no dossier written
 * since, on this connection or another), and compares afresh otherwise.
 */
type Plan = { action: 'create' } | { action: 'unchanged' } | { action: 'update'; id: number; merged: DossierData; diff: { before: Partial<DossierData>; after: Partial<DossierData> } };

interface StoredPreview {
  fileName: string;
  rows: { row: number; data: DossierData; plan: Plan }[];
  /** The dossiers generation (cache/change-tracker.ts) the plans were made at; null: not tracked, always compare afresh. */
  comparedAt: string | null;
  /** Rows whose update changes 企业名称 or 法定代表人: the commit needs the user's acknowledgement. */
  identityChanges: number;
}
const previews = new PreviewStore<StoredPreview>();

export async function previewImport(ctx: ServiceContext, input: { fileName: string; dataBase64: string; jobId?: string; emptyCells?: 'keep' | 'clear' }): Promise<ImportPreview> {
  // An XLSX reports its reading (the sheet's bytes), then the rows are checked (rows of the table).
  const table = await readUploadedTable(input.fileName, input.dataBase64, (done, total) => ctx.progress(input.jobId, done, total));
  // Read before the rows are compared: a write during the comparison then also forces the commit to compare afresh.
  const comparedAt = generation(ctx.db, 'dossiers');
  const checked = checkRows(ctx, table, input.jobId, input.emptyCells ?? 'keep');
  const identityChanges = checked.changes.filter((c) => c.identity).length;
  const previewId = previews.put({ fileName: input.fileName, rows: checked.valid.map(({ row, data, plan }) => ({ row, data, plan })), comparedAt, identityChanges }, ctx.now().getTime());
  const counts = { create: 0, update: 0, unchanged: 0, invalid: checked.invalidRows };
  for (const r of checked.valid) counts[r.action]++;
  return {
    previewId,
    fileName: input.fileName,
    totalRows: table.rows.length,
    counts,
    sample: checked.valid.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, action: r.action, legalName: r.data.legalName, creditCode: r.data.creditCode })),
    issues: checked.issues.slice(0, MAX_LISTED_ISSUES),
    unknownColumns: checked.unknownColumns,
    emptyCells: input.emptyCells ?? 'keep',
    changes: checked.changes.slice(0, MAX_LISTED_CHANGES),
    identityChanges,
  };
}

/** A stored value as a person reads it in the diff ('' for nothing). */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v as Record<string, unknown>).filter(Boolean).join(' ') : String(v))).join('；');
  return String(value);
}

/** The fields an update changes, with the column header the user knows and identity fields flagged. */
function changeOf(row: number, before: Record<string, unknown>, after: Record<string, unknown>, legalName: string, creditCode: string): ImportChange {
  const fields = Object.keys(after).map((key) => ({
    field: key,
    header: DOSSIER_COLUMNS.find((c) => c.key === key)?.header ?? (key === 'contacts' ? '联系人' : key === 'capabilities' ? '服务能力' : key),
    before: shown(before[key]),
    after: shown(after[key]),
    identity: (IDENTITY_FIELDS as readonly string[]).includes(key),
  }));
  return { row, legalName, creditCode, identity: fields.some((f) => f.identity), fields };
}

function checkRows(ctx: ServiceContext, table: Table, jobId: string | undefined, emptyCells: 'keep' | 'clear') {
  const repo = createDossierRepo(ctx.db);
  const issues: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  const valid: { row: number; data: DossierData; action: 'create' | 'update' | 'unchanged'; plan: Plan }[] = [];
  const mapped: (DossierColumn | undefined)[] = table.headers.map((h) => (h === '' ? undefined : columnForHeader(h)));
  const unknownColumns = table.headers.filter((h, i) => h !== '' && !mapped[i]);
  const headerOf = new Map<string, string>(); // column key → header as written in this file
  mapped.forEach((c, i) => c && !headerOf.has(c.key) && headerOf.set(c.key, table.headers[i]!));

  const missing = DOSSIER_COLUMNS.filter((c) => c.required && !headerOf.has(c.key));
  if (missing.length > 0) {
    for (const c of missing) issues.push({ row: 1, column: c.header, reason: `缺少必需的列“${c.header}”` });
    return { valid, issues, unknownColumns, invalidRows: table.rows.length, changes };
  }

  const firstRowOfCode = new Map<string, number>();
  const codeColumn = mapped.findIndex((c) => c?.key === 'creditCode');
  const existingByCode = lookupByCode(repo, table.rows.flatMap(({ cells }) => {
    const text = cellText(cells[codeColumn] ?? null);
    return [text, normalizeCreditCode(text)];
  }));
  const schema = dossierInputSchemaOn(ctx.now().toISOString().slice(0, 10)); // a birth date may not be after today
  let invalidRows = 0;
  table.rows.forEach(({ rowNumber, cells }, index) => {
    if (index % PROGRESS_EVERY === 0) ctx.progress(jobId, index, table.rows.length);
    const rowIssues: ImportIssue[] = [];
    const draft = emptyDraft();
    mapped.forEach((column, i) => {
      if (!column) return;
      const errorKey = column.apply(cells[i] ?? null, draft);
      if (errorKey) rowIssues.push({ row: rowNumber, column: table.headers[i]!, reason: zh(errorKey), value: cellText(cells[i] ?? null) });
    });
    // An empty cell of a dossier already on file keeps what is stored, unless the user chose to clear.
    const stored = emptyCells === 'keep' && typeof draft.creditCode === 'string' ? existingByCode(draft.creditCode) : null;
    if (stored) {
      const storedData = dataOf(stored);
      mapped.forEach((column, i) => {
        if (column && column.key !== 'creditCode' && cellText(cells[i] ?? null) === '') column.apply(column.read(storedData), draft);
      });
    }
    draft.contacts = (draft.contacts ?? []).filter((c) => c.name || c.phone || c.email);
    classifyIdentity(draft); // organisation or person (shared/dossiers/columns.ts)
    const parsed = schema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnHeaderForPath(issue.path, headerOf);
        // A cell that already failed to parse is reported once, by its parser.
        if (rowIssues.some((r) => r.column === column)) continue;
        const index = table.headers.indexOf(column);
        rowIssues.push({ row: rowNumber, column, reason: zh(issue.message), value: index >= 0 ? cellText(cells[index] ?? null) : '' });
      }
    } else {
      const earlier = firstRowOfCode.get(parsed.data.creditCode);
      if (earlier !== undefined) rowIssues.push({ row: rowNumber, column: headerOf.get('creditCode')!, reason: `与第 ${earlier} 行的统一社会信用代码重复` });
      else firstRowOfCode.set(parsed.data.creditCode, rowNumber);
    }
    if (rowIssues.length > 0 || !parsed.success) {
      invalidRows++;
      issues.push(...rowIssues);
      return;
    }
    const existing = existingByCode(parsed.data.creditCode);
    // A file without the 店铺账号 column says nothing about it: a new dossier gets "not known", an existing
    // one keeps what it holds (a blank cell in the column, by contrast, does say "not known").
    const data = existing && !headerOf.has('isShopAccount') ? { ...parsed.data, isShopAccount: existing.isShopAccount } : parsed.data;
    const merged = existing ? withLaterContacts(data, existing) : data;
    const diff = existing ? diffFields(dataOf(existing), merged) : null;
    const plan: Plan = !existing ? { action: 'create' } : diff ? { action: 'update', id: existing.id, merged, diff } : { action: 'unchanged' };
    if (existing && diff) changes.push(changeOf(rowNumber, diff.before, diff.after, data.legalName, data.creditCode));
    valid.push({ row: rowNumber, data, action: plan.action, plan });
  });
  ctx.progress(jobId, table.rows.length, table.rows.length);
  return { valid, issues, unknownColumns, invalidRows, changes };
}

/**
 * The stored dossiers a file names, read in one query up front (issue 8: a lookup per row, twice in the
 * preview and again in the commit, was a large part of a 20,000-row import). `codes` are the candidates as
 * written and normalised; a code outside them (the schema may normalise further) is looked up on its own, so
 * every answer is what getByCreditCode gives at that moment. Only for codes not written since.
 */
function lookupByCode(repo: DossierRepo, codes: readonly string[]): (code: string) => Dossier | null {
  const known = repo.getByCreditCodes([...new Set(codes.filter(Boolean))]);
  return (code) => {
    if (!known.has(code)) known.set(code, repo.getByCreditCode(code));
    return known.get(code)!;
  };
}

function columnHeaderForPath(path: readonly PropertyKey[], headerOf: Map<string, string>): string {
  const [first, , field] = path.map(String);
  const key = first === 'contacts' ? `contact.${field ?? 'name'}` : first === 'capabilities' ? 'capability.bd' : (first ?? '');
  return headerOf.get(key) ?? DOSSIER_COLUMNS.find((c) => c.key === key)?.header ?? '';
}

/**
 * The sheet has columns for one contact only; further contacts are added on the dossier page
 * (docs/dossier-import.md). So the row's contact replaces the first one and the others are kept: importing
 * an edited export must not silently delete contacts 2..n. A row with no contact at all still clears them.
 */
function withLaterContacts(data: DossierData, existing: Dossier): DossierData {
  if (data.contacts.length === 0 || existing.contacts.length < 2) return data;
  return { ...data, contacts: [data.contacts[0]!, ...existing.contacts.slice(1)] };
}

export function commitImport(ctx: ServiceContext, input: { previewId: string; jobId?: string; acknowledgeIdentityChanges?: boolean }): { created: number; updated: number; unchanged: number } {
  const preview = previews.get(input.previewId, ctx.now().getTime());
  // A renamed institution or a new legal representative is who the dossier is about: never silently.
  if (preview.identityChanges > 0 && input.acknowledgeIdentityChanges !== true) throw new AppError('VALIDATION', zh('error.importIdentityUnacknowledged', { count: preview.identityChanges }));
  const repo = createDossierRepo(ctx.db);
  // Issue 8: 20,000 new rows go into the table, its four indexes (one covering the pinyin haystacks) and the
  // change log; with SQLite's default 2 MB page cache the transaction evicts and re-reads index pages (and
  // spills dirty ones to the WAL) all along: a larger cache cut the commit's time by ≈ 10–25 % (its CPU ≈ 7 %)
  // in a measurement. For this transaction only (pages taken as needed, given back after); the same
  // statements and the same rows.
  const cacheBefore = Number(ctx.db.pragma('cache_size', { simple: true }));
  if (cacheBefore < 0 && -cacheBefore < IMPORT_CACHE_KIB) ctx.db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`); // negative: KiB
  try {
    return commitRows(ctx, repo, preview, input);
  } finally {
    ctx.db.pragma(`cache_size = ${cacheBefore}`);
  }
}

/** The page cache (KiB) of an import's commit: the working set of 20,000 dossiers with their indexes and history. */
const IMPORT_CACHE_KIB = 128 * 1024;

/** For tests: false makes every commit compare afresh, as when a dossier was written after the preview (the plain path). */
let reusePlans = true;
export function setImportPlanReuse(on: boolean): void {
  reusePlans = on;
}

function commitRows(ctx: ServiceContext, repo: DossierRepo, preview: StoredPreview, input: { previewId: string; jobId?: string }): { created: number; updated: number; unchanged: number } {
  const result = ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const at = isoNow(ctx);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    // The preview's comparison holds while no dossier was written since (issue 8: reading every named dossier
    // again and diffing it was a third of a re-import's commit). Otherwise compared again here, read once for
    // the whole file: the preview left one row per credit code, so no row's lookup follows a write of the same code.
    const fresh = reusePlans && preview.comparedAt !== null && generation(ctx.db, 'dossiers') === preview.comparedAt;
    const existingByCode = fresh ? null : lookupByCode(repo, preview.rows.map((r) => r.data.creditCode));
    const planOf = ({ data, plan }: StoredPreview['rows'][number]): Plan => {
      if (!existingByCode) return plan;
      const existing = existingByCode(data.creditCode);
      if (!existing) return { action: 'create' };
      const merged = withLaterContacts(data, existing);
      const diff = diffFields(dataOf(existing), merged);
      return diff ? { action: 'update', id: existing.id, merged, diff } : { action: 'unchanged' };
    };
    // Each created or updated dossier is still its own chained 'import' entry, as recordChange writes it; the
    // per-row dossiers triggers are lifted for the bulk write and accounted for once (bulkDossierWrites).
    const history = changeAppendBatch(ctx.db);
    bulkDossierWrites(ctx.db, () => {
      preview.rows.forEach((row, index) => {
        if (index % PROGRESS_EVERY === 0) ctx.progress(input.jobId, index, preview.rows.length);
        const plan = planOf(row);
        if (plan.action === 'create') {
          const id = repo.insert(row.data, at);
          history.append({ at, actor, entity: DOSSIER_ENTITY, entityId: id, action: 'import', before: null, after: { ...row.data, file: preview.fileName } });
          counts.created++;
        } else if (plan.action === 'unchanged') counts.unchanged++;
        else {
          repo.update(plan.id, plan.merged, at);
          history.append({ at, actor, entity: DOSSIER_ENTITY, entityId: plan.id, action: 'import', before: plan.diff.before, after: { ...plan.diff.after, file: preview.fileName } });
          counts.updated++;
        }
      });
    });
    history.flush();
    return counts;
  }).immediate();
  previews.delete(input.previewId);
  ctx.progress(input.jobId, preview.rows.length, preview.rows.length);
  return result;
}
