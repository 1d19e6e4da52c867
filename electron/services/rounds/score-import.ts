// Score import (评分导入): members' scores from an XLSX/CSV file, for committees that score on paper or in
// their own spreadsheets. Two steps like the dossier import: preview (read, check every row, write nothing)
// and commit (all valid rows in one transaction). Format: docs/score-import.md.
//
// "The same rules as scores.set", applied to the whole file at once (issue 8: a replay of setScore per row
// made a 1.2 M-score round take hours). The row checks below name the column and word the reason for whoever
// prepared the file; `refusal` adds the scoring service's remaining rules (who may score on this computer,
// screening) with setScore's own messages, against sets read once per file. The commit re-checks every row
// against the round as it is then and writes them with one prepared statement in one transaction, each
// written cell logged exactly as setScore logs it (one 'score' entry, chained), plus the 'import' entry.
import { PreviewStore } from '../spreadsheet/preview-store';
import type { Statement } from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { actorOf } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertRoundOpen } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { scoredCriteria } from './scoring-service';
import { scorableApplicationIds } from './screening-service';
import { assertMayScoreHere } from '../exchange/sheet-exchange';
import { changeBatch } from '../history/change-log';
import { bulkScoreWrites } from '../cache/change-tracker';
import { readUploadedTable } from '../spreadsheet/read-upload';
import { cellText, normalizeHeader, type Cell } from '../../../shared/dossiers/columns';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/dossiers/credit-code';
import { hasAtMost2Decimals } from '../../../shared/ranking/decimal';
import type { ImportIssue } from '../../../shared/dossiers/import-schema';
import type { ScoreImportPreview, ScoreImportResult } from '../../../shared/rounds/score-import';

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

/** The zh-CN names of the default criteria (shared/ranking/defaults.ts); other criteria go by their key. */
export const CRITERION_LABELS: Readonly<Record<string, string>> = { strength: '公司实力', technical: '技术水平', reputation: '业内口碑', price: '服务报价' };

interface Entry {
  row: number;
  memberId: string;
  applicationId: string;
  criterion: string;
  value: number;
  comment: string;
  /** `${applicationId}|${criterion}`: the cell within the member's sheet, built once per row. */
  cell: string;
}
interface StoredPreview {
  roundId: string;
  fileName: string;
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

function refusalOf(check: () => void): AppError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** Everything the row checks look up, read once per preview. */
function roundFacts(ctx: ServiceContext, roundId: string) {
  const round = assertRoundOpen(ctx.db, roundId);
  const members = ctx.db
    .prepare('SELECT m.id, m.name, s.id AS sheet_id, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort')
    .all(roundId) as { id: string; name: string; sheet_id: string; submitted_at: string | null }[];
  const recusals = new Map<string, Set<string>>(); // member → applications they recused themselves from
  for (const r of ctx.db.prepare('SELECT c.member_id, c.application_id FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ?').all(roundId) as { member_id: string; application_id: string }[]) {
    let set = recusals.get(r.member_id);
    if (!set) recusals.set(r.member_id, (set = new Set()));
    set.add(r.application_id);
  }
  const criteria = new Map<string, string>(); // normalised key or label → criterion key
  for (const { key } of round.options.criteria) {
    criteria.set(normalizeHeader(key), key);
    if (CRITERION_LABELS[key]) criteria.set(normalizeHeader(CRITERION_LABELS[key]), key);
  }
  // Only what the row checks read (not listApplications: its per-row shop-facts parse and region list cost
  // more than the whole check at 20,000 applications).
  const applications = (
    ctx.db
      .prepare('SELECT a.id, d.credit_code AS creditCode, d.legal_name AS legalName, a.withdrawn_at AS withdrawnAt FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ?')
      .all(roundId) as { id: string; creditCode: string; legalName: string; withdrawnAt: string | null }[]
  );
  // The stored cells of a sheet, read once per sheet (one indexed range scan) instead of one lookup per row.
  const cellsOf = ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ?').raw();
  const sheetCells = new Map<string, Map<string, { value: number; comment: string }>>();
  const stored = (sheetId: string) => {
    let cells = sheetCells.get(sheetId);
    if (!cells) {
      cells = new Map();
      for (const [applicationId, criterion, value, comment] of cellsOf.all(sheetId) as [string, string, number, string][]) cells.set(`${applicationId}|${criterion}`, { value, comment });
      sheetCells.set(sheetId, cells);
    }
    return cells;
  };
  return {
    round,
    members,
    memberByName: new Map(members.map((m) => [m.name.trim(), m])),
    applicationByCode: new Map(applications.map((a) => [a.creditCode, a])),
    applicationById: new Map(applications.map((a) => [a.id, a])),
    recused: (memberId: string, applicationId: string) => recusals.get(memberId)?.has(applicationId) === true,
    /** The criterion a cell names (key or label, compared like headers), memoised: a file repeats a handful of names. */
    criterionOf: memo((text: string) => criteria.get(normalizeHeader(text))),
    /** A credit code as written → normalised, with its problem; memoised: each code recurs once per criterion. */
    creditCodeOf: memo((text: string) => {
      const code = normalizeCreditCode(text);
      return { code, problem: code ? creditCodeProblem(code) : null };
    }),
    scored: new Set(scoredCriteria(ctx, roundId)),
    labelOf: (key: string) => CRITERION_LABELS[key] ?? key,
    current: (sheetId: string, e: Entry) => stored(sheetId).get(e.cell),
    scorable: scorableApplicationIds(ctx, roundId),
    /** setScore's refusal for a member scoring on this computer (signed sheets, review packages), once per member. */
    mayScore: new Map(members.map((m) => [m.id, refusalOf(() => assertMayScoreHere(ctx, roundId, m.id))])),
  };
}
type Facts = ReturnType<typeof roundFacts>;

function memo<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}

/** Checks one row; returns the entry or the row's issues (column as written in the file, zh-CN reason). */
function checkRow(facts: Facts, headerOf: Map<ColumnKey, string>, rowNumber: number, get: (key: ColumnKey) => Cell): Entry | ImportIssue[] {
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
  return { row: rowNumber, memberId: member.id, applicationId: application.id, criterion, value, comment, cell: `${application.id}|${criterion}` };
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
    const firstRowOf = new Map<string, Map<string, number>>(); // member → cell → first row
    for (const { rowNumber, cells } of table.rows) {
      const checked = checkRow(facts, headerOf, rowNumber, (key) => cells[indexOf.get(key) ?? -1] ?? null);
      if (Array.isArray(checked)) {
        invalid++;
        issues.push(...checked);
        continue;
      }
      let rowOf = firstRowOf.get(checked.memberId);
      if (!rowOf) firstRowOf.set(checked.memberId, (rowOf = new Map()));
      const earlier = rowOf.get(checked.cell);
      if (earlier !== undefined) {
        invalid++;
        issues.push({ row: rowNumber, column: headerOf.get('criterion')!, reason: `与第 ${earlier} 行重复：同一委员、同一机构、同一评分项只能有一个分数` });
        continue;
      }
      rowOf.set(checked.cell, rowNumber);
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
  const sheetOf = new Map(facts.members.map((m) => [m.id, m.sheet_id]));
  const rowsOf = new Map<string, number>();
  for (const e of accepted) {
    const before = facts.current(sheetOf.get(e.memberId)!, e);
    counts[!before ? 'new' : before.value === e.value && before.comment === e.comment ? 'unchanged' : 'changed']++;
    rowsOf.set(e.memberId, (rowsOf.get(e.memberId) ?? 0) + 1);
  }

  const previewId = previews.put({ roundId: input.roundId, fileName: input.fileName, entries: accepted }, ctx.now().getTime());
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

/**
 * What setScore would refuse an entry for, in setScore's order and words, or null: the sheet submitted, the
 * round finalized, a member who may not score here, an application withdrawn or not in the round, one not
 * passing screening, a criterion not scored by hand, a recusal, the scale, two decimals.
 */
function refusal(facts: Facts, e: Entry): AppError | null {
  const member = facts.members.find((m) => m.id === e.memberId);
  if (!member) return new AppError('NOT_FOUND', zh('error.notFound'));
  if (member.submitted_at) return new AppError('CONFLICT', zh('error.sheetSubmitted'));
  const may = facts.mayScore.get(e.memberId);
  if (may) return may;
  const application = facts.applicationById.get(e.applicationId);
  if (!application || application.withdrawnAt) return new AppError('NOT_FOUND', zh('error.notFound'));
  if (!facts.scorable.has(e.applicationId)) return new AppError('CONFLICT', zh('error.notScorable'));
  if (!facts.scored.has(e.criterion)) return new AppError('VALIDATION', zh('error.notScoredCriterion'), [{ path: 'criterion', key: 'error.notScoredCriterion' }]);
  if (facts.recused(e.memberId, e.applicationId)) return new AppError('CONFLICT', zh('error.recusedCannotScore'));
  const { min, max } = facts.round.options.scale;
  if (e.value < min || e.value > max) return new AppError('VALIDATION', zh('error.outOfScale', { min, max }), [{ path: 'value', key: 'error.outOfScale' }]);
  if (!hasAtMost2Decimals(e.value)) return new AppError('VALIDATION', zh('error.decimals2'), [{ path: 'value', key: 'error.decimals2' }]);
  return null;
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
    const sheetOf = new Map(facts.members.map((m) => [m.id, m.sheet_id]));
    for (const e of preview.entries) {
      const refused = refusal(facts, e);
      if (refused) throw new AppError(refused.code, `第 ${e.row} 行：${refused.message}（未导入任何分数，请重新预览）`);
    }
    const counts = { written: 0, unchanged: 0 };
    // The per-row scores triggers lifted for the bulk write, the caches accounted for once (cache/change-tracker.ts).
    bulkScoreWrites(ctx.db, new Set(preview.entries.map((e) => sheetOf.get(e.memberId)!)), () => {
      const cells = cellWriter(ctx, w.at);
      // The very entries setScore records for one cell, chained in the same order (history/change-log.ts).
      const history = changeBatch(ctx.db, { at: w.at, actor: w.actor, entity: ROUND_ENTITY, entityId: null, entityKey: preview.roundId, action: 'score' });
      for (const e of preview.entries) {
        const sheetId = sheetOf.get(e.memberId)!;
        const before = facts.current(sheetId, e);
        if (before && before.value === e.value && before.comment === e.comment) {
          counts.unchanged++;
          continue;
        }
        cells.write(sheetId, e);
        // setScore's { sheetId, ...entry } (the row number and cell key stay out of the history).
        const after = { sheetId, memberId: e.memberId, applicationId: e.applicationId, criterion: e.criterion, value: e.value, comment: e.comment };
        history.append(before ? JSON.stringify({ ...after, ...before }) : null, JSON.stringify(after));
        counts.written++;
      }
      cells.flush();
      history.flush();
    });
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: preview.roundId, action: 'import', before: null, after: { scoreImport: { file: preview.fileName, rows: preview.entries.length, ...counts } } });
    return counts;
  });
  previews.delete(input.previewId);
  return result;
}

const UPSERT_ROWS = 100;
/**
 * Upserts cells UPSERT_ROWS at a time, the sheet and the time bound once per statement (named parameters)
 * rather than per row: setScore's upsert (storeCell) per cell, in the file's order. A file names each cell
 * once (the preview refuses duplicates), so no statement names one cell twice.
 */
function cellWriter(ctx: ServiceContext, at: string) {
  const statements = new Map<number, Statement>(); // by rows: a file that alternates members flushes short batches
  const statement = (rows: number) => {
    let prepared = statements.get(rows);
    if (!prepared) {
      prepared = ctx.db.prepare(`INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES ${Array.from({ length: rows }, () => '(@sheet, ?, ?, ?, ?, @at)').join(', ')} ON CONFLICT DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at`);
      statements.set(rows, prepared);
    }
    return prepared;
  };
  let sheet = '';
  let pending: (string | number)[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    statement(pending.length / 4).run(pending, { sheet, at });
    pending = [];
  };
  return {
    write(sheetId: string, e: Entry) {
      if (sheetId !== sheet) {
        flush();
        sheet = sheetId;
      }
      pending.push(e.applicationId, e.criterion, e.value, e.comment);
      if (pending.length === UPSERT_ROWS * 4) flush();
    },
    flush,
  };
}
