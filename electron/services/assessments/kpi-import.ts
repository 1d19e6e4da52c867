// KPI figures import (考核数据导入): the platform's monthly figures per provider from an XLSX/CSV file, in
// two steps like the dossier and score imports: preview (read, check every row, write nothing) and commit
// (all valid rows in one transaction; if any row is refused then, none is written). Format: docs/kpi-import.md.
//
// A row is one provider × one month. Providers are matched by 统一社会信用代码 among the program's open
// cooperations (试跑/正式/整改中), plus 区域 when a provider serves several regions of the program; the name
// column is for readers only. An empty cell leaves the stored figure as it is (a file with only 发揽率 does
// not wipe the other figures); the figures grid is where a figure is cleared.
import { PreviewStore } from '../spreadsheet/preview-store';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { listCooperationRows } from '../cooperations/cooperation-repo';
import { assessedRules } from '../cooperations/cooperation-service';
import { figuresSchemaFor, listFigures, setFigures } from './kpi-figures-service';
import { readUploadedTable } from '../spreadsheet/read-upload';
import { cellText, normalizeHeader, type Cell } from '../../../shared/dossiers/columns';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/dossiers/credit-code';
import { figureFieldsOf, parseFigure, type FigureField } from '../../../shared/cooperations/figure-text';
import { isYearMonth, type YearMonth } from '../../../shared/lifecycle/months';
import type { AssessedKind } from '../../../shared/lifecycle/kpi-rules';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { ImportIssue } from '../../../shared/dossiers/import-schema';
import type { KpiImportPreview, KpiImportResult } from '../../../shared/cooperations/kpi-import';
import zhAssessments from '../../../resources/locales/zh-CN/assessments.json';

const MAX_LISTED_ISSUES = 2000;
const OPEN = new Set(['trial', 'formal', 'rectification']);

type KeyColumn = 'creditCode' | 'region' | 'month' | 'legalName';
type ColumnKey = KeyColumn | FigureField;
interface Column {
  key: ColumnKey;
  header: string;
  aliases: string[];
}

/** Headers as written in the example files, with aliases accepted on import (compared like dossier headers). */
export const KEY_COLUMNS: readonly Column[] = [
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'credit code', 'uscc'] },
  { key: 'region', header: '区域', aliases: ['服务区域', '产业带', '合作区域', 'region'] },
  { key: 'month', header: '月份', aliases: ['考核月份', '数据月份', '统计月份', '年月', 'month'] },
  { key: 'legalName', header: '机构名称', aliases: ['名称', '企业名称', '公司名称', '服务商名称', '服务商', 'legal name'] },
];
export const FIGURE_COLUMNS: Readonly<Record<AssessedKind, readonly Column[]>> = {
  periodic: [
    // The net change of bound merchants in the month (may be negative; shared/lifecycle/figures.ts).
    { key: 'newlyBound', header: '净新增绑定商家数', aliases: ['新增绑定商家数', '净新增绑定商家数（家）', '新增绑定商家', '新增绑定店铺数', '新增绑定', '新增绑定商家数（家）', 'net newly bound', 'newly bound'] },
    { key: 'newlyBoundGmvYuan', header: '新增商家GMV（元）', aliases: ['新增商家GMV', '新增绑定商家GMV', '新增绑定商家GMV（元）', 'GMV', 'GMV（元）', 'gmv (yuan)'] },
    { key: 'orders', header: '有效订单量', aliases: ['订单量', '有效订单', '有效订单量（单）', 'orders'] },
    { key: 'staffPassedExam', header: '通过考试人数', aliases: ['考试通过人数', '通过规则考试人数', '通过考试人数（人）', 'staff passed exam'] },
  ],
  monthlyWarning: [
    { key: 'merchantLevel', header: '商家层级', aliases: ['层级', '店铺层级', 'merchant level'] },
    { key: 'pickupRatePercent', header: '发揽率（%）', aliases: ['发揽率', '近30天发揽率', '近30天发揽率（%）', 'pickup rate', 'pickup rate (%)'] },
    { key: 'responseRatePercent', header: '客服响应率（%）', aliases: ['客服响应率', '近30天客服响应率', '近30天客服响应率（%）', '响应率', 'response rate', 'response rate (%)'] },
  ],
};
const KIND_NAME: Record<AssessedKind, string> = { periodic: '抖音古董艺术品产业带服务商考核规则（季度）', monthlyWarning: '淘特品牌认证汰换考核（月度）' };

const kpiText = (key: string, params: Record<string, string | number> = {}): string =>
  ((zhAssessments as Record<string, string>)[key] ?? zh('error.invalid')).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

interface Entry {
  row: number;
  cooperationId: string;
  month: YearMonth;
  /** Only the figures the row fills; the others keep their stored value. */
  values: Partial<Record<FigureField, number>>;
}
interface StoredPreview {
  programId: string;
  kind: AssessedKind;
  fileName: string;
  entries: Entry[];
}
const previews = new PreviewStore<StoredPreview>();


/** 2027-01, 2027/1, 2027.1, 2027年1月, 202701, or an Excel date (its month). */
export function parseMonth(cell: Cell): YearMonth | null {
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}`;
  const text = cellText(cell).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.]0?1日?)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (!m) return null;
  const month = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return isYearMonth(month) ? month : null;
}

const STATUS_TEXT: Record<string, string> = { terminated: '已清退', exited: '已退出' };

/** Finds the row's cooperation, or says why it cannot. */
function matchCooperation(byCode: Map<string, CooperationSummary[]>, code: string, region: string): CooperationSummary | { problem: 'creditCode' | 'region'; reason: string } {
  const all = byCode.get(code) ?? [];
  if (all.length === 0) return { problem: 'creditCode', reason: `本项目没有统一社会信用代码为 ${code} 的合作` };
  const open = all.filter((c) => OPEN.has(c.status));
  const name = all[0]!.legalName;
  if (open.length === 0) return { problem: 'creditCode', reason: `“${name}”的合作已结束（${STATUS_TEXT[all[0]!.status] ?? all[0]!.status}），不再录入考核数据` };
  const regions = open.map((c) => c.regionName).join('、');
  if (region) {
    const inRegion = open.filter((c) => normalizeHeader(c.regionName) === normalizeHeader(region));
    if (inRegion.length === 1) return inRegion[0]!;
    return { problem: 'region', reason: `“${name}”在本项目没有“${region}”的合作，应为：${regions}` };
  }
  if (open.length > 1) return { problem: 'region', reason: `“${name}”在本项目有 ${open.length} 个合作（${regions}），请在“区域”列注明` };
  return open[0]!;
}

export async function previewKpiImport(ctx: ServiceContext, input: { programId: string; fileName: string; dataBase64: string }): Promise<KpiImportPreview> {
  const rules = assessedRules(ctx, input.programId);
  const table = await readUploadedTable(input.fileName, input.dataBase64);
  const fields = figureFieldsOf(rules.kind);
  const columns = [...KEY_COLUMNS, ...FIGURE_COLUMNS[rules.kind]];
  const otherKind: AssessedKind = rules.kind === 'periodic' ? 'monthlyWarning' : 'periodic';
  const byHeader = new Map(columns.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as const)));
  const otherHeaders = new Set(FIGURE_COLUMNS[otherKind].flatMap((c) => [c.header, ...c.aliases].map(normalizeHeader)));

  const issues: ImportIssue[] = [];
  const indexOf = new Map<ColumnKey, number>();
  const headerOf = new Map<ColumnKey, string>(columns.map((c) => [c.key, c.header]));
  const unknownColumns: string[] = [];
  table.headers.forEach((h, i) => {
    const key = byHeader.get(normalizeHeader(h));
    if (key && !indexOf.has(key)) {
      indexOf.set(key, i);
      headerOf.set(key, h);
    } else if (!key && h !== '') {
      if (otherHeaders.has(normalizeHeader(h))) issues.push({ row: 1, column: h, reason: `本项目采用${KIND_NAME[rules.kind]}，不使用“${h}”，该列已忽略` });
      else unknownColumns.push(h);
    }
  });
  let missingColumns = 0;
  for (const c of KEY_COLUMNS.filter((k) => (k.key === 'creditCode' || k.key === 'month') && !indexOf.has(k.key))) {
    issues.push({ row: 1, column: '', reason: `缺少必需的列“${c.header}”` });
    missingColumns++;
  }
  if (!fields.some((f) => indexOf.has(f))) {
    issues.push({ row: 1, column: '', reason: `至少需要以下一列考核数据：${FIGURE_COLUMNS[rules.kind].map((c) => c.header).join('、')}` });
    missingColumns++;
  }

  const cooperations = listCooperationRows(ctx.db, { programId: input.programId });
  const byCode = new Map<string, CooperationSummary[]>();
  for (const c of cooperations) byCode.set(c.creditCode, [...(byCode.get(c.creditCode) ?? []), c]);
  const stored = new Map<string, Map<string, Record<string, unknown>>>(); // cooperation → month → record, read once
  const storedOf = (cooperationId: string, month: string) => {
    if (!stored.has(cooperationId)) stored.set(cooperationId, new Map(listFigures(ctx, cooperationId).map((f) => [f.month, f as unknown as Record<string, unknown>])));
    return stored.get(cooperationId)!.get(month);
  };

  const entries: Entry[] = [];
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: missingColumns > 0 ? table.rows.length : 0 };
  const firstRowOf = new Map<string, number>();
  const schema = figuresSchemaFor(rules);
  for (const { rowNumber, cells } of missingColumns > 0 ? [] : table.rows) {
    const get = (key: ColumnKey): Cell => cells[indexOf.get(key) ?? -1] ?? null;
    const rowIssues: ImportIssue[] = [];
    const issue = (key: ColumnKey | '', reason: string) => rowIssues.push({ row: rowNumber, column: key ? headerOf.get(key)! : '', reason });

    const code = normalizeCreditCode(cellText(get('creditCode')));
    const problem = code ? creditCodeProblem(code) : null;
    let cooperation: CooperationSummary | null = null;
    if (!code) issue('creditCode', zh('error.required'));
    else if (problem) issue('creditCode', zh(`error.creditCode.${problem}`));
    else {
      const matched = matchCooperation(byCode, code, cellText(get('region')));
      if ('problem' in matched) issue(matched.problem, matched.reason);
      else cooperation = matched;
    }

    const monthCell = get('month');
    const month = parseMonth(monthCell);
    if (cellText(monthCell) === '') issue('month', zh('error.required'));
    else if (!month) issue('month', '月份应写作 2027-01 或 2027年1月');

    const values: Partial<Record<FigureField, number>> = {};
    for (const field of fields) {
      if (!indexOf.has(field)) continue;
      const cell = get(field);
      const parsed = parseFigure(field, typeof cell === 'number' ? cell : cellText(cell));
      if (!parsed.ok) issue(field, kpiText(`kpi.refusal.${parsed.problem}`));
      else if (parsed.value !== null) values[field] = parsed.value;
    }
    if (rowIssues.length === 0 && Object.keys(values).length === 0) issue('', '该行没有任何考核数据');

    if (rowIssues.length === 0 && cooperation && month) {
      const key = `${cooperation.id}|${month}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) issue('month', `与第 ${earlier} 行重复：同一机构同一月份只能有一行`);
      else {
        const before = storedOf(cooperation.id, month);
        const merged = { ...(before ?? {}), ...values, month };
        // The schema the grid's saves go through decides too: a row it refuses is refused here, not at commit.
        const checked = schema.safeParse(merged);
        if (!checked.success) issue('', zh('error.validation'));
        else {
          firstRowOf.set(key, rowNumber);
          entries.push({ row: rowNumber, cooperationId: cooperation.id, month, values });
          const same = before && fields.every((f) => (before[f] ?? null) === ((checked.data as Record<string, unknown>)[f] ?? null));
          counts[!before ? 'new' : same ? 'unchanged' : 'changed']++;
        }
      }
    }
    if (rowIssues.length > 0) {
      counts.invalid++;
      issues.push(...rowIssues);
    }
  }

  const previewId = previews.put({ programId: input.programId, kind: rules.kind, fileName: input.fileName, entries }, ctx.now().getTime());
  issues.sort((a, b) => a.row - b.row);
  return {
    previewId,
    programId: input.programId,
    fileName: input.fileName,
    kind: rules.kind,
    totalRows: table.rows.length,
    counts,
    months: [...new Set(entries.map((e) => e.month))].sort(),
    providers: new Set(entries.map((e) => e.cooperationId)).size,
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    unknownColumns,
  };
}

/** Writes the previewed rows in one transaction: if any row is refused now, none is written. */
export function commitKpiImport(ctx: ServiceContext, input: { previewId: string }): KpiImportResult {
  const preview = previews.get(input.previewId, ctx.now().getTime());
  const result = write(ctx, (w) => {
    const rules = assessedRules(ctx, preview.programId);
    if (rules.kind !== preview.kind) throw new AppError('CONFLICT', '预览之后本项目的考核规则已更改，未导入任何数据，请重新预览');
    const open = new Map(listCooperationRows(ctx.db, { programId: preview.programId }).map((c) => [c.id, c]));
    const counts = { written: 0, unchanged: 0 };
    for (const e of preview.entries) {
      const cooperation = open.get(e.cooperationId);
      // The cooperation ended since the preview (清退, 退出): the file is from before; nothing is written.
      if (!cooperation || !OPEN.has(cooperation.status)) throw new AppError('CONFLICT', `第 ${e.row} 行：“${cooperation?.legalName ?? e.cooperationId}”的合作已结束（未导入任何数据，请重新预览）`);
      const before = listFigures(ctx, e.cooperationId).find((f) => f.month === e.month) as Record<string, unknown> | undefined;
      const merged = { ...(before ?? {}), ...e.values, month: e.month };
      if (before && Object.entries(e.values).every(([field, value]) => before[field] === value)) {
        counts.unchanged++; // nothing to write, nothing to put in the history
        continue;
      }
      try {
        setFigures(ctx, e.cooperationId, merged);
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `第 ${e.row} 行：${error.message}（未导入任何数据，请重新预览）`);
        throw error;
      }
      counts.written++;
    }
    w.log({ entity: 'program', entityId: null, entityKey: preview.programId, action: 'import', before: null, after: { kpiImport: { file: preview.fileName, rows: preview.entries.length, ...counts } } });
    return counts;
  });
  previews.delete(input.previewId);
  return result;
}
