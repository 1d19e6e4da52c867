// The reopen preview (issue 7): what would change if the chair reopened a finalized round now — the frozen
// screening and selection against a recomputation with today's bans, dossiers, rules and overrides. Reads
// only: nothing moves until the chair confirms reopening (ranking-service.ts reopenRound).
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getRound } from './round-repo';
import { currentFinalization } from './finalization-repo';
import { computeScreening } from './screening-service';
import { computeResults } from './ranking-service';
import { diffSinceFinalizing, type ReopenPreview } from '../../../shared/rounds/reopen-diff';

export function reopenPreview(ctx: ServiceContext, roundId: string): ReopenPreview {
  const round = getRound(ctx.db, roundId);
  const f = round.status === 'finalized' ? currentFinalization(ctx.db, roundId) : null;
  if (!f) throw new AppError('CONFLICT', zh('error.roundNotFinalized'));
  const screening = computeScreening(ctx, roundId);
  const recomputed = computeResults(ctx, roundId, screening);
  const diff = diffSinceFinalizing({ finalized: f.snapshot.results, finalizedScreening: f.snapshot.screening ?? null, screening, recomputed });
  return { roundId, programId: round.programId, referenceDate: round.referenceDate, finalizedAt: f.finalizedAt, finalizedBy: f.finalizedBy, ...diff };
}
