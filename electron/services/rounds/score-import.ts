// Score import (评分导入): members' scores from an XLSX/CSV file, for committees that score on paper or in
// their own spreadsheets. Two steps like the dossier import: preview (read, check every row, write nothing)
// and commit (all valid rows in one transaction). Format: docs/score-import.md.
//
// "The same rules as scores.set", applied to the whole file at once (issue 8: a replay of setScore per row
// made a 1.2 M-score round take hours). The row checks below name the column and word the reason for whoever
// prepared the file; `refusal` (score-import-round.ts) adds the scoring service's remaining rules (who may
// score on this computer, screening) with setScore's own messages, against sets read once per file. The
// commit re-checks every row against the round as it is then and writes them all in one transaction
// (score-import-write.ts), logged as one chained 'import' entry per member sheet holding every written cell
// (shared/history/score-import-entry.ts; scores.set keeps its 'score' entry per cell).
import crypto from 'node:crypto';
import { PreviewStore } from '../spreadsheet/preview-store';
import type { ServiceContext } from '../context';
import { actorOf } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { CellMap, refusal, roundFacts, type Entry, type Facts } from './score-import-round';
import { writeEntries } from './score-import-write';
import { readUploadedTable } from '../spreadsheet/read-upload';
import { cellText, normalizeHeader, type Cell } from '../../../shared/dossiers/columns';
import { hasAtMost2Decimals } from '../../../shared/ranking/decimal';
import type { ImportIssue } from '../../../shared/dossiers/import-schema';
import type { ScoreImportPreview, ScoreImportResult } from '../../../shared/rounds/score-import';

export { CRITERION_LABELS } from './score-import-round';

const MAX_LISTED_ISSUES = 2000;
const MAX_COMMENT = 1000;

type ColumnKey = 'member' | 'creditCode' | 'criterion' | 'value' | 'comment' | 'legalName';
/** Headers as written in the example file, with aliases accepted on import (compared like dossier headers). */
export const SCORE_COLUMNS: readonly { key: ColumnKey; header: string; aliases: string[]; required: boolean }[] = [
  { key: 'member', header: '委员', aliases: ['评审委员', '委员姓名', '评委', 'member'], required: true },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'credit code', 'uscc'], required: true },
  { key: 'criterion', header: '评分项', aliases: ['评分项目', '评审维度', 'criterion'], required: true },
  { key: 'value', header: '分数', aliases: ['得分', '评分', 'score'], required: true },
  { key: 'comment', header: '备注', aliases: ['评语', '意见', 'comment', 'remark'], required: false },
  // For the people reading the file; rows are matched by credit code only (names are not unique).
  { key: 'legalName', header: '机构名称', aliases: ['名称', '企业名称', '公司名称', 'legal name'], required: false },
];

interface StoredPreview {
  roundId: string;
  fileName: string;
  sha256: string;
  entries: Entry[];
}
const previews = new PreviewStore<StoredPreview>();


/** A score as typed in a cell: 85, 85.5, " 85 ". No thousands separators: "85,5" must not become 855. */
function parseScore(cell: Cell): number | 'empty' | 'invalid' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  const text = cellText(cell);
  if (text === '') return 'empty';
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : 'invalid';
}

/** Checks one row; returns the entry or the row's issues (column as written in the file, zh-CN reason). */
function checkRow(facts: Facts, headerOf: Map<ColumnKey, string>, rowNumber: number, cells: readonly Cell[], at: Readonly<Record<ColumnKey, number>>): Entry | ImportIssue[] {
  const get = (key: ColumnKey): Cell => cells[at[key]] ?? null;
  const issues: ImportIssue[] = [];
  const issue = (key: ColumnKey | '', reason: string) => issues.push({ row: rowNumber, column: key ? (headerOf.get(key) ?? '') : '', reason });

  const memberName = cellText(get('member'));
  const member = facts.memberByName.get(memberName);
  if (!memberName) issue('member', zh('error.required'));
  else if (!member) issue('member', `本批次没有名为“${memberName}”的委员`);
  else if (member.submitted_at) issue('member', `委员“${member.name}”的评分表已提交，导入不能修改；如需更正，请在评分表中逐项更正并填写理由`);

  const { code, problem } = facts.creditCodeOf(cellText(get('creditCode')));
  const application = facts.applicationByCode.get(code);
  if (!code) issue('creditCode', zh('error.required'));
  else if (problem) issue('creditCode', zh(`error.creditCode.${problem}`));
  else if (!application) issue('creditCode', `本批次没有统一社会信用代码为 ${code} 的申请`);
  else if (application.withdrawnAt) issue('creditCode', `“${application.legalName}”的申请已撤回，不再评分`);

  const criterionText = cellText(get('criterion'));
  const criterion = facts.criterionOf(criterionText);
  if (!criterionText) issue('criterion', zh('error.required'));
  else if (!criterion) issue('criterion', `未知的评分项“${criterionText}”，应为：${facts.round.options.criteria.map((c) => facts.labelOf(c.key)).join('、')}`);
  else if (!facts.scored.has(criterion)) issue('criterion', `“${facts.labelOf(criterion)}”由报价自动计算（低价优先法），无需委员打分`);

  const value = parseScore(get('value'));
  const { min, max } = facts.round.options.scale;
  if (value === 'empty') issue('value', zh('error.required'));
  else if (value === 'invalid') issue('value', zh('error.number'));
  else if (value < min || value > max) issue('value', zh('error.outOfScale', { min, max }));
  else if (!hasAtMost2Decimals(value)) issue('value', zh('error.decimals2'));

  const comment = cellText(get('comment'));
  if (comment.length > MAX_COMMENT) issue('comment', `备注过长（不超过 ${MAX_COMMENT} 字）`);

  if (member && application && !application.withdrawnAt && facts.recused(member.id, application.id)) {
    issue('member', `委员“${member.name}”已对“${application.legalName}”声明回避，不能为其评分`);
  }
  if (issues.length > 0 || !member || !application || !criterion || typeof value !== 'number') return issues;
  return { row: rowNumber, memberId: member.id, applicationId: application.id, criterion, value, comment };
}

export async function previewScoreImport(ctx: ServiceContext, input: { roundId: string; fileName: string; dataBase64: string }): Promise<ScoreImportPreview> {
  actorOf(ctx); // a preview leads to a write: refuse early without a user, as every write does
  const table = await readUploadedTable(input.fileName, input.dataBase64);
  const facts = roundFacts(ctx, input.roundId);
  const issues: ImportIssue[] = [];

  const byHeader = new Map(SCORE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as const)));
  const indexOf = new Map<ColumnKey, number>();
  const headerOf = new Map<ColumnKey, string>();
  const unknownColumns: string[] = [];
  table.headers.forEach((h, i) => {
    const key = byHeader.get(normalizeHeader(h));
    if (key && !indexOf.has(key)) {
      indexOf.set(key, i);
      headerOf.set(key, h);
    } else if (!key && h !== '') unknownColumns.push(h);
  });
  for (const c of SCORE_COLUMNS) if (!headerOf.has(c.key)) headerOf.set(c.key, c.header);
  const missing = SCORE_COLUMNS.filter((c) => c.required && !indexOf.has(c.key));
  for (const c of missing) issues.push({ row: 1, column: c.header, reason: `缺少必需的列“${c.header}”` });

  const entries: Entry[] = [];
  let invalid = 0;
  if (missing.length > 0) invalid = table.rows.length;
  else {
    const at = Object.fromEntries(SCORE_COLUMNS.map((c) => [c.key, indexOf.get(c.key) ?? -1])) as Record<ColumnKey, number>;
    const firstRowOf = new Map<string, CellMap<number>>(); // member → cell → first row
    for (const { rowNumber, cells } of table.rows) {
      const checked = checkRow(facts, headerOf, rowNumber, cells, at);
      if (Array.isArray(checked)) {
        invalid++;
        issues.push(...checked);
        continue;
      }
      let rowOf = firstRowOf.get(checked.memberId);
      if (!rowOf) firstRowOf.set(checked.memberId, (rowOf = new CellMap()));
      const earlier = rowOf.get(checked.applicationId, checked.criterion);
      if (earlier !== undefined) {
        invalid++;
        issues.push({ row: rowNumber, column: headerOf.get('criterion')!, reason: `与第 ${earlier} 行重复：同一委员、同一机构、同一评分项只能有一个分数` });
        continue;
      }
      rowOf.set(checked.applicationId, checked.criterion, rowNumber);
      entries.push(checked);
    }
  }

  const accepted: Entry[] = [];
  for (const e of entries) {
    const refused = refusal(facts, e);
    if (!refused) accepted.push(e);
    else {
      const path = refused.issues?.[0]?.path;
      issues.push({ row: e.row, column: path === 'value' || path === 'criterion' ? headerOf.get(path)! : '', reason: refused.message });
    }
  }
  invalid += entries.length - accepted.length;
  const counts = { new: 0, changed: 0, unchanged: 0, invalid };
  const rowsOf = new Map<string, number>();
  for (const e of accepted) {
    const before = facts.current(e);
    counts[!before ? 'new' : before.value === e.value && before.comment === e.comment ? 'unchanged' : 'changed']++;
    rowsOf.set(e.memberId, (rowsOf.get(e.memberId) ?? 0) + 1);
  }

  const sha256 = crypto.hash('sha256', Buffer.from(input.dataBase64, 'base64'));
  const previewId = previews.put({ roundId: input.roundId, fileName: input.fileName, sha256, entries: accepted }, ctx.now().getTime());
  issues.sort((a, b) => a.row - b.row);
  return {
    previewId,
    roundId: input.roundId,
    fileName: input.fileName,
    totalRows: table.rows.length,
    counts,
    members: facts.members.map((m) => ({ memberId: m.id, name: m.name, rows: rowsOf.get(m.id) ?? 0 })).filter((m) => m.rows > 0),
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    unknownColumns,
  };
}

/** Writes the previewed rows in one transaction: if any row is refused now, none is written. */
export function commitScoreImport(ctx: ServiceContext, input: { previewId: string }): ScoreImportResult {
  const preview = previews.get(input.previewId, ctx.now().getTime());
  const result = write(ctx, (w) => {
    // The round as it is now (a sheet submitted, a recusal declared since the preview…), read once.
    const first = preview.entries[0];
    let facts: Facts;
    try {
      facts = roundFacts(ctx, preview.roundId);
    } catch (error) {
      // Finalized since the preview: refused at the first row, as the row-by-row commit did.
      if (error instanceof AppError && first) throw new AppError(error.code, `第 ${first.row} 行：${error.message}（未导入任何分数，请重新预览）`);
      throw error;
    }
    for (const e of preview.entries) {
      const refused = refusal(facts, e);
      if (refused) throw new AppError(refused.code, `第 ${e.row} 行：${refused.message}（未导入任何分数，请重新预览）`);
    }
    return writeEntries(ctx, w, preview.roundId, facts, preview.entries, { name: preview.fileName, sha256: preview.sha256 });
  });
  previews.delete(input.previewId);
  return result;
}
