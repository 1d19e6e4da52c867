// Benchmarks at platform scale (20,000 dossiers). Each measurement is reported as a ratio to a floor
// measured in the same run on the same machine, so numbers compare across machines and runs.
//   floor for import: raw prepared INSERTs of the same rows in one transaction (no parsing, no validation)
//   floor for search: a JavaScript substring scan over the same 20,000 haystacks in memory
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createTestContext } from '../support/service-context';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { creditCodeCheckChar } from '../../shared/dossiers/credit-code';
import { DOSSIER_COLUMNS } from '../../shared/dossiers/columns';
import { openDatabase } from '../../electron/db/open';

const N = 20_000;
const CITIES = ['杭州市', '深圳市', '广州市', '诸暨市', '苏州市', '北京市', '成都市', '武汉市'];

function row(i: number): string[] {
  const body = `913301${String(i).padStart(11, '0')}`;
  const code = body + creditCodeCheckChar(body);
  return [`${CITIES[i % CITIES.length]!.slice(0, 2)}第${i}号珠宝检测有限公司`, code, '机构', '张三', '浙江省', CITIES[i % CITIES.length]!, '500', '2018-06-01', '一般纳税人', '是', '否', '100000', '是', '是', '是', '是', '是', '是', '38000', '李四', '13800138000', '', '', ''];
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

async function main(): Promise<void> {
  const rows = Array.from({ length: N }, (_, i) => row(i));
  const csv = [DOSSIER_COLUMNS.map((c) => c.header), ...rows].map((r) => r.join(',')).join('\n');

  // Floor: raw inserts into a fresh database with the same schema.
  const floorCtx = await createTestContext();
  const insert = floorCtx.db.prepare(`INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type,
    real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at)
    VALUES (?, ?, '张三', '浙江省', ?, 5000000, '2018-06-01', 'general', 1, 0, 10000000, '[]', 3800000, '[]', '', '', ?, 'x', 'x')`);
  const [floorInsert] = await time(() => floorCtx.db.transaction(() => rows.forEach((r) => insert.run(r[1], r[0], r[4], `${r[0]}${r[1]}`.toLowerCase())))());

  const ctx = await createTestContext();
  const dataBase64 = Buffer.from(csv).toString('base64');
  const [previewMs, preview] = await time(() => dispatch(handlers, ctx, 'dossiers.importPreview', { fileName: 'bench.csv', dataBase64 }));
  if (!preview.ok) throw new Error(preview.error.message);
  const [commitMs] = await time(() => dispatch(handlers, ctx, 'dossiers.importCommit', { previewId: (preview.value as { previewId: string }).previewId }));

  const haystacks = (ctx.db.prepare('SELECT search_text FROM dossiers').all() as { search_text: string }[]).map((r) => r.search_text);
  const queries = ['杭州', '第1999', '不存在的机构', '13800138000'];
  const [floorSearch] = await time(() => queries.forEach((q) => haystacks.filter((h) => h.includes(q)).length));
  const [searchMs] = await time(async () => {
    for (const q of queries) await dispatch(handlers, ctx, 'dossiers.list', { search: q, limit: 50 });
  });

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('s');
  [DOSSIER_COLUMNS.map((c) => c.header), ...rows].forEach((r) => sheet.addRow(r));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  const fresh = await createTestContext();
  const [xlsxPreviewMs] = await time(() => dispatch(handlers, fresh, 'dossiers.importPreview', { fileName: 'bench.xlsx', dataBase64: xlsx }));
  const [exportMs] = await time(() => dispatch(handlers, ctx, 'dossiers.exportXlsx', { status: 'all' }));
  const [reopenMs] = await time(async () => (await openDatabase(path.join(ctx.dataDir, 'review-desk.sqlite'))).db.close());

  const report = [
    ['floor: raw INSERT ×20k in one transaction', floorInsert, floorInsert],
    ['import CSV 20k: preview (parse + validate + compare)', previewMs, floorInsert],
    ['import CSV 20k: commit (upsert + history)', commitMs, floorInsert],
    ['import XLSX 20k: preview', xlsxPreviewMs, floorInsert],
    ['export XLSX 20k', exportMs, floorInsert],
    ['floor: in-memory substring scan ×4 queries', floorSearch, floorSearch],
    ['dossiers.list search ×4 queries (count + page)', searchMs, floorSearch],
    ['open + migrate check of a 20k database', reopenMs, floorInsert],
  ] as const;
  console.log(`\nReview Desk benchmark — ${N} dossiers (ratios against floors measured in this run)\n`);
  for (const [name, ms, floor] of report) console.log(`${name.padEnd(56)} ${ms.toFixed(1).padStart(9)} ms   ×${(ms / floor).toFixed(1)}`);
}

void main();
