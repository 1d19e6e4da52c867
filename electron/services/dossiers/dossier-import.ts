// Import of dossiers from XLSX/CSV in two steps: preview (parse, validate, compare with the database,
// write nothing) and commit (one transaction for all valid rows). Rows are matched by 统一社会信用代码, so
// importing the same file twice updates instead of duplicating.
import { PreviewStore } from '../spreadsheet/preview-store';
import type { ServiceContext } from '../context';
import { actorOf, isoNow } from '../context';
import { zh } from '../../backend/messages';
import { createDossierRepo } from './dossier-repo';
import { DOSSIER_ENTITY, dataOf } from './dossier-service';
import { diffFields, recordChange } from '../history/change-log';
import { readUploadedTable } from '../spreadsheet/read-upload';
import type { Table } from '../spreadsheet/read-table';
import { DOSSIER_COLUMNS, columnForHeader, emptyDraft, type DossierColumn } from '../../../shared/dossiers/columns';
import { dossierInputSchema, type Dossier, type DossierData } from '../../../shared/dossiers/schema';
import type { ImportIssue, ImportPreview } from '../../../shared/dossiers/import-schema';

const SAMPLE_ROWS = 100;
const MAX_LISTED_ISSUES = 2000;
const PROGRESS_EVERY = 500;

interface StoredPreview {
  fileName: string;
  rows: { row: number; data: DossierData }[];
}
const previews = new PreviewStore<StoredPreview>();

export async function previewImport(ctx: ServiceContext, input: { fileName: string; dataBase64: string; jobId?: string }): Promise<ImportPreview> {
  const table = await readUploadedTable(input.fileName, input.dataBase64);
  const checked = checkRows(ctx, table, input.jobId);
  const previewId = previews.put({ fileName: input.fileName, rows: checked.valid.map(({ row, data }) => ({ row, data })) }, ctx.now().getTime());
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
  };
}

function checkRows(ctx: ServiceContext, table: Table, jobId: string | undefined) {
  const repo = createDossierRepo(ctx.db);
  const issues: ImportIssue[] = [];
  const valid: { row: number; data: DossierData; action: 'create' | 'update' | 'unchanged' }[] = [];
  const mapped: (DossierColumn | undefined)[] = table.headers.map((h) => (h === '' ? undefined : columnForHeader(h)));
  const unknownColumns = table.headers.filter((h, i) => h !== '' && !mapped[i]);
  const headerOf = new Map<string, string>(); // column key → header as written in this file
  mapped.forEach((c, i) => c && !headerOf.has(c.key) && headerOf.set(c.key, table.headers[i]!));

  const missing = DOSSIER_COLUMNS.filter((c) => c.required && !headerOf.has(c.key));
  if (missing.length > 0) {
    for (const c of missing) issues.push({ row: 1, column: c.header, reason: `缺少必需的列“${c.header}”` });
    return { valid, issues, unknownColumns, invalidRows: table.rows.length };
  }

  const firstRowOfCode = new Map<string, number>();
  let invalidRows = 0;
  table.rows.forEach(({ rowNumber, cells }, index) => {
    if (index % PROGRESS_EVERY === 0) ctx.progress(jobId, index, table.rows.length);
    const rowIssues: ImportIssue[] = [];
    const draft = emptyDraft();
    mapped.forEach((column, i) => {
      if (!column) return;
      const errorKey = column.apply(cells[i] ?? null, draft);
      if (errorKey) rowIssues.push({ row: rowNumber, column: table.headers[i]!, reason: zh(errorKey) });
    });
    draft.contacts = (draft.contacts ?? []).filter((c) => c.name || c.phone || c.email);
    const parsed = dossierInputSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnHeaderForPath(issue.path, headerOf);
        // A cell that already failed to parse is reported once, by its parser.
        if (rowIssues.some((r) => r.column === column)) continue;
        rowIssues.push({ row: rowNumber, column, reason: zh(issue.message) });
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
    const existing = repo.getByCreditCode(parsed.data.creditCode);
    // A file without the 店铺账号 column says nothing about it: a new dossier gets "not known", an existing
    // one keeps what it holds (a blank cell in the column, by contrast, does say "not known").
    const data = existing && !headerOf.has('isShopAccount') ? { ...parsed.data, isShopAccount: existing.isShopAccount } : parsed.data;
    const action = !existing ? 'create' : diffFields(dataOf(existing), withLaterContacts(data, existing)) ? 'update' : 'unchanged';
    valid.push({ row: rowNumber, data, action });
  });
  ctx.progress(jobId, table.rows.length, table.rows.length);
  return { valid, issues, unknownColumns, invalidRows };
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

export function commitImport(ctx: ServiceContext, input: { previewId: string; jobId?: string }): { created: number; updated: number; unchanged: number } {
  const preview = previews.get(input.previewId, ctx.now().getTime());
  const repo = createDossierRepo(ctx.db);
  const result = ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const at = isoNow(ctx);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    preview.rows.forEach(({ data }, index) => {
      if (index % PROGRESS_EVERY === 0) ctx.progress(input.jobId, index, preview.rows.length);
      // Compared again here: the database may have changed since the preview.
      const existing = repo.getByCreditCode(data.creditCode);
      if (!existing) {
        const id = repo.insert(data, at);
        recordChange(ctx.db, { at, actor, entity: DOSSIER_ENTITY, entityId: id, action: 'import', before: null, after: { ...data, file: preview.fileName } });
        counts.created++;
        return;
      }
      const merged = withLaterContacts(data, existing);
      const diff = diffFields(dataOf(existing), merged);
      if (!diff) {
        counts.unchanged++;
        return;
      }
      repo.update(existing.id, merged, at);
      recordChange(ctx.db, { at, actor, entity: DOSSIER_ENTITY, entityId: existing.id, action: 'import', before: diff.before, after: { ...diff.after, file: preview.fileName } });
      counts.updated++;
    });
    return counts;
  }).immediate();
  previews.delete(input.previewId);
  ctx.progress(input.jobId, preview.rows.length, preview.rows.length);
  return result;
}
