// 核验修改记录: walks the hash chain for the UI and the command line, with progress for long histories.
import type { ServiceContext } from '../context';
import type { ChainVerdictView } from '../../../shared/history/schema';
import { fingerprint, verifyChain } from './chain';

export function verifyHistory(ctx: ServiceContext, jobId?: string): ChainVerdictView {
  const total = (ctx.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
  const verdict = verifyChain(ctx.db, (done) => ctx.progress(jobId, done, total));
  ctx.progress(jobId, total, total);
  return { ok: verdict.ok, rows: verdict.rows, head: verdict.head, fingerprint: fingerprint(verdict.head), brokenAt: verdict.ok ? null : verdict.brokenAt };
}
