// 核验修改记录: walks the hash chain for the UI and the command line, with progress for long histories.
import type { ServiceContext } from '../context';
import type { ChainVerdictView, HeadMatchView } from '../../../shared/history/schema';
import { fingerprint, GENESIS, linkHash, verifyChain, type ChainRow } from './chain';

export function verifyHistory(ctx: ServiceContext, jobId?: string): ChainVerdictView {
  const total = (ctx.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
  const verdict = verifyChain(ctx.db, (done) => ctx.progress(jobId, done, total));
  ctx.progress(jobId, total, total);
  return { ok: verdict.ok, rows: verdict.rows, head: verdict.head, fingerprint: fingerprint(verdict.head), brokenAt: verdict.ok ? null : verdict.brokenAt };
}

/**
 * Checks a fingerprint typed from paper against the history: one streaming pass in seq order (memory does
 * not grow with the history), recomputing every link as verifyChain does. See headMatchSchema for the
 * three answers. The recomputed head is what counts: a stored hash can be copied by whoever rewrote the
 * rows before it, the recomputation cannot.
 */
export function findHead(ctx: ServiceContext, typed: string, jobId?: string): HeadMatchView {
  const fp = fingerprint(typed.padEnd(64, '0'));
  const total = (ctx.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
  const none = { fingerprint: fp, seq: null, at: null, entity: null, action: null, rows: total };
  if (GENESIS.startsWith(typed)) return { ...none, match: 'intact', seq: 0 };
  let previous = GENESIS;
  let rows = 0;
  let storedOnly: ChainRow | null = null;
  for (const row of ctx.db.prepare('SELECT * FROM change_log ORDER BY seq').iterate() as Iterable<ChainRow>) {
    rows++;
    if (rows % 50_000 === 0) ctx.progress(jobId, rows, total);
    previous = linkHash(previous, row);
    if (previous.startsWith(typed)) {
      ctx.progress(jobId, total, total);
      return { ...none, match: 'intact', seq: row.seq, at: row.at, entity: row.entity, action: row.action };
    }
    if (!storedOnly && row.hash?.startsWith(typed)) storedOnly = row;
  }
  ctx.progress(jobId, total, total);
  if (storedOnly) return { ...none, match: 'rewritten', seq: storedOnly.seq, at: storedOnly.at, entity: storedOnly.entity, action: storedOnly.action };
  return { ...none, match: 'none' };
}
