// 提交评分表: the member locks their sheet. Apart from scoring-service.ts because it counts what is missing with
// the committee tab's progress (committee-service.ts), which itself reads the scoring service's criteria.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertRoundOpen } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { listMembers } from './committee-service';
import { sheetOf } from './scoring-service';
import { assertMayScoreHere } from '../exchange/sheet-exchange';
import type { SubmittedSheet } from '../../../shared/rounds/views';

/**
 * Submitting locks the sheet; every application the member may score must be scored on every criterion.
 * The count of missing cells is the committee tab's own (listMembers: counters, not a read of every cell;
 * the cache-consistency property test holds it equal to a fresh count), so a submit costs the same at any size.
 */
export function submitSheet(ctx: ServiceContext, memberId: string): SubmittedSheet {
  return write(ctx, (w) => {
    const sheet = sheetOf(ctx, memberId);
    assertRoundOpen(ctx.db, sheet.round_id);
    assertMayScoreHere(ctx, sheet.round_id, memberId);
    const cells = (ctx.db.prepare('SELECT COUNT(*) AS n FROM scores WHERE sheet_id = ?').get(sheet.sheet_id) as { n: number }).n;
    if (sheet.submitted_at) return { sheetId: sheet.sheet_id, memberId, submittedAt: sheet.submitted_at, cells };
    const progress = listMembers(ctx, sheet.round_id).find((m) => m.id === memberId)!;
    const missing = progress.required - progress.filled;
    if (missing > 0) throw new AppError('CONFLICT', zh('error.sheetIncomplete', { count: missing }));
    ctx.db.prepare('UPDATE score_sheets SET submitted_at = ? WHERE id = ?').run(w.at, sheet.sheet_id);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: sheet.round_id, action: 'submit', before: null, after: { sheetId: sheet.sheet_id, memberId, memberName: sheet.member_name, cells } });
    return { sheetId: sheet.sheet_id, memberId, submittedAt: w.at, cells };
  });
}
