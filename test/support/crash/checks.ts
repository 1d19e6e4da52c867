// What must hold after every kill (issue 9): the file passes integrity_check, every acknowledged write is
// present, every import is all-or-nothing, letter numbers are unique per (year, kind) and never handed out
// twice (also not after a restart: the counter stays ahead of every issued number), and the history chain
// verifies. The ledger accumulates the acknowledgements of every run on the same data directory.
import type { Database } from 'better-sqlite3';
import { verifyChain } from '../../../electron/services/history/chain';
import type { Ack } from './protocol';
import { scoreImportCellChanges } from '../../../shared/history/score-import-entry';

export class Ledger {
  readonly dossiers = new Map<number, string>();
  readonly scoreComments = new Set<string>();
  readonly letters = new Map<string, { number: string; year: number; kind: string }>();
  /** year/kind/number → the letter id it was acknowledged for. */
  readonly letterNumbers = new Map<string, string>();
  readonly imports = new Map<string, { kind: 'dossiers' | 'scores'; keys: string[]; acked: boolean }>();
  readonly problems: string[] = [];
  acks = 0;

  record(ack: Ack): void {
    switch (ack.t) {
      case 'dossier':
        this.dossiers.set(ack.id, ack.code);
        break;
      case 'score':
        this.scoreComments.add(ack.comment);
        break;
      case 'letter': {
        const key = `${ack.year}/${ack.kind}/${ack.number}`;
        const owner = this.letterNumbers.get(key);
        if (owner !== undefined && owner !== ack.id) this.problems.push(`函件编号 ${ack.number} 被再次发出（${owner} 与 ${ack.id}）`);
        this.letterNumbers.set(key, ack.id);
        this.letters.set(ack.id, { number: ack.number, year: ack.year, kind: ack.kind });
        break;
      }
      case 'importBegin':
        this.imports.set(ack.token, { kind: ack.kind, keys: ack.keys, acked: false });
        return;
      case 'importAck':
        this.imports.get(ack.token)!.acked = true;
        break;
      case 'error':
        this.problems.push(`工作负载调用失败：${ack.call} ${ack.code} ${ack.message}`);
        return;
      default:
        return;
    }
    this.acks++;
  }
}

const count = (db: Database, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

/** Every broken promise, described; an empty list means the database kept all of them. */
export function checkDatabase(db: Database, ledger: Ledger): string[] {
  const problems: string[] = [...ledger.problems];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 3))}`);

  for (const [id, code] of ledger.dossiers) {
    const row = db.prepare('SELECT credit_code FROM dossiers WHERE id = ?').get(id) as { credit_code: string } | undefined;
    if (row?.credit_code !== code) problems.push(`已确认的档案 ${id}（${code}）不在数据库中`);
  }
  const history = scoreHistory(db);
  const loggedWith = (comment: string) => history.comments.get(comment) ?? 0;
  for (const comment of ledger.scoreComments) {
    if (loggedWith(comment) !== 1) problems.push(`已确认的评分（备注 ${comment}）没有记录`);
  }
  problems.push(...scoresMatchHistory(db, history.latest));

  for (const [token, imp] of ledger.imports) {
    const present =
      imp.kind === 'dossiers'
        ? count(db, `SELECT count(*) AS n FROM dossiers WHERE credit_code IN (${imp.keys.map(() => '?').join(',')})`, ...imp.keys)
        : loggedWith(token);
    if (present !== 0 && present !== imp.keys.length) problems.push(`导入 ${token} 只写入了一部分：${present}/${imp.keys.length}`);
    if (imp.acked && present !== imp.keys.length) problems.push(`已确认的导入 ${token} 缺失：${present}/${imp.keys.length}`);
  }

  for (const [id, letter] of ledger.letters) {
    const row = db.prepare('SELECT number, year, kind FROM letters WHERE id = ?').get(id) as { number: string; year: number; kind: string } | undefined;
    if (!row || row.number !== letter.number || row.year !== letter.year || row.kind !== letter.kind) problems.push(`已确认的函件 ${letter.number}（${id}）不在数据库中或已被改动`);
  }
  const duplicates = db.prepare('SELECT year, kind, number, count(*) AS n FROM letters GROUP BY year, kind, number HAVING n > 1').all();
  if (duplicates.length > 0) problems.push(`函件编号重复：${JSON.stringify(duplicates)}`);
  // The counter must stay ahead of every number in use, or the next letter after a restart would reuse one.
  const behind = db.prepare('SELECT l.year, l.kind, max(l.seq) AS top, c.next_seq FROM letters l LEFT JOIN letter_counters c ON c.year = l.year AND c.kind = l.kind GROUP BY l.year, l.kind HAVING c.next_seq IS NULL OR c.next_seq <= top').all();
  if (behind.length > 0) problems.push(`函件计数器落后于已发编号：${JSON.stringify(behind)}`);

  const chain = verifyChain(db);
  if (!chain.ok) problems.push(`修改记录链在第 ${chain.brokenAt.seq} 条断开（${chain.brokenAt.problem}）`);
  return problems;
}

type LoggedCell = { sheetId: string; applicationId: string; criterion: string; value: number; comment: string };

/**
 * Every score write the history holds, in order: a grid save's 'score' entry, or a score import's one entry
 * per member sheet with its cells (shared/history/score-import-entry.ts). The newest per cell, and how many
 * logged cells carry each comment (the workload tags its saves and imports by comment).
 */
function scoreHistory(db: Database): { latest: Map<string, LoggedCell>; comments: Map<string, number> } {
  const latest = new Map<string, LoggedCell>();
  const comments = new Map<string, number>();
  const log = (cell: LoggedCell) => {
    latest.set(`${cell.sheetId}|${cell.applicationId}|${cell.criterion}`, cell);
    comments.set(cell.comment, (comments.get(cell.comment) ?? 0) + 1);
  };
  const rows = db.prepare("SELECT action, after FROM change_log WHERE entity = 'round' AND action IN ('score', 'import') ORDER BY seq").all() as { action: string; after: string | null }[];
  for (const row of rows) {
    if (row.after === null) continue;
    const after = JSON.parse(row.after) as unknown;
    if (row.action === 'score') log(after as LoggedCell);
    else for (const change of scoreImportCellChanges(after)) log(change.after);
  }
  return { latest, comments };
}

/** Each stored score equals the newest history entry for its cell: no write landed without its history. */
function scoresMatchHistory(db: Database, latest: Map<string, LoggedCell>): string[] {
  const problems: string[] = [];
  for (const cell of db.prepare('SELECT sheet_id, application_id, criterion, value, comment FROM scores').all() as { sheet_id: string; application_id: string; criterion: string; value: number; comment: string }[]) {
    const after = latest.get(`${cell.sheet_id}|${cell.application_id}|${cell.criterion}`);
    if (!after || after.value !== cell.value || after.comment !== cell.comment) problems.push(`评分 ${cell.application_id}/${cell.criterion} 与修改记录不一致`);
  }
  return problems;
}
