// 评分表 files. The member's laptop exports its submitted sheet signed with the member's key and bound to
// the package it answers; the chair's laptop verifies signer (the member's registered key), package (one
// the chair sent to this member), set-up (unchanged since — otherwise the package is stale), sequence
// (newer than any accepted: replays and older versions refused) and every cell, then writes the scores
// exactly as signed. An amendment is a new signed sheet with a reason; the earlier one stays recorded as
// superseded.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { getRound } from '../rounds/round-repo';
import { ROUND_ENTITY } from '../rounds/setup-service';
import { hasAtMost2Decimals } from '../../../shared/ranking/decimal';
import { scoreSheetFileSchema, type ScoreSheetFile } from '../../../shared/exchange/payloads';
import { localIdentity, refused, sha256Hex } from './exchange-common';
import { currentSetupDigest, type ExportedFile } from './package-export';
import { signEnvelope, verifyEnvelope } from './signing';
import { scorableApplicationIds } from '../rounds/screening-service';
import { scoredCriteria } from '../rounds/scoring-service';

interface PackageRound {
  origin: 'local' | 'package';
  package_sha256: string | null;
  package_member_id: string | null;
  name: string;
}
const roundOrigin = (ctx: ServiceContext, roundId: string) => ctx.db.prepare('SELECT origin, package_sha256, package_member_id, name FROM rounds WHERE id = ?').get(roundId) as PackageRound | undefined;

/**
 * Who may type scores on this laptop: on a package round only the member it was addressed to; on the
 * chair's round nobody whose key is registered (their scores arrive as signed sheets) — except the holder
 * of this installation's own key.
 */
export function assertMayScoreHere(ctx: ServiceContext, roundId: string, memberId: string): void {
  const round = roundOrigin(ctx, roundId);
  if (round?.origin === 'package') {
    if (round.package_member_id !== memberId) throw new AppError('CONFLICT', '这是从评审包导入的批次，只能填写评审包所寄给的委员本人的评分表');
    return;
  }
  const key = (ctx.db.prepare('SELECT public_key FROM members WHERE id = ?').get(memberId) as { public_key: string | null } | undefined)?.public_key;
  if (key && key !== localIdentity(ctx).publicKey) throw new AppError('CONFLICT', '该委员已登记签名密钥：其评分只能通过本人签名的评分表文件导入，不能在这台电脑上代填');
}

export function exportScoreSheet(ctx: ServiceContext, input: { roundId: string; reason: string | null }): ExportedFile {
  return write(ctx, (w) => {
    const round = roundOrigin(ctx, input.roundId);
    if (!round || round.origin !== 'package') throw new AppError('CONFLICT', '只有从评审包导入的批次才能导出签名评分表');
    const memberId = round.package_member_id!;
    const sheet = ctx.db.prepare('SELECT s.id, s.submitted_at, m.name FROM score_sheets s JOIN members m ON m.id = s.member_id WHERE s.member_id = ?').get(memberId) as { id: string; submitted_at: string | null; name: string };
    if (!sheet.submitted_at) throw new AppError('CONFLICT', '请先提交评分表，再导出');
    const sequence = (ctx.db.prepare('SELECT coalesce(max(sequence), 0) + 1 AS n FROM sent_sheets WHERE round_id = ?').get(input.roundId) as { n: number }).n;
    const reason = input.reason?.trim() || null;
    if (sequence > 1 && !reason) throw new AppError('VALIDATION', '这是对已发出评分表的更正，请填写更正理由', [{ path: 'reason', key: 'error.required' }]);
    const setupDigest = (ctx.db.prepare('SELECT setup_digest FROM round_packages WHERE sha256 = ?').get(round.package_sha256) as { setup_digest: string } | undefined)?.setup_digest;
    if (!setupDigest) throw new AppError('CONFLICT', '缺少评审包信息，请重新导入评审包');
    const scores = ctx.db.prepare('SELECT application_id AS applicationId, criterion, value, comment FROM scores WHERE sheet_id = ? ORDER BY application_id, criterion').all(sheet.id) as ScoreSheetFile['scores'];
    const payload: ScoreSheetFile = { roundId: input.roundId, memberId, memberName: sheet.name, packageSha256: round.package_sha256!, setupDigest, sequence, reason, submittedAt: sheet.submitted_at, scores };
    const payloadText = JSON.stringify(payload);
    const text = signEnvelope('score-sheet', Buffer.from(payloadText), localIdentity(ctx).privateKey);
    const sha256 = sha256Hex(text);
    // The signed payload is kept: the result package is compared with exactly what was sent (migration 013).
    ctx.db.prepare('INSERT INTO sent_sheets (sha256, round_id, sequence, reason, exported_at, payload) VALUES (?, ?, ?, ?, ?, ?)').run(sha256, input.roundId, sequence, reason, w.at, payloadText);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: input.roundId, action: 'submit', before: null, after: { sheetFile: { sha256, sequence, reason, cells: scores.length } } });
    const fileName = `评分表-${round.name}-${sheet.name}${sequence > 1 ? `-更正${sequence - 1}` : ''}.rdsheet`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
    return { fileName, mime: 'application/json', dataBase64: Buffer.from(text).toString('base64'), sha256 };
  });
}

export interface SheetImportResult {
  memberName: string;
  sequence: number;
  cells: number;
  supersededSequence: number | null;
}

/** Chair side. Every check passes before anything is written; a refusal writes nothing. */
export function importScoreSheet(ctx: ServiceContext, input: { dataBase64: string }): SheetImportResult {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const verified = verifyEnvelope(bytes, 'score-sheet');
  if (!verified.ok) throw refused(verified.problem);
  let sheet: ScoreSheetFile;
  try {
    const parsed = scoreSheetFileSchema.safeParse(JSON.parse(verified.value.payload.toString('utf8')));
    if (!parsed.success) throw refused('badPayload');
    sheet = parsed.data;
  } catch (error) {
    throw error instanceof AppError ? error : refused('badPayload');
  }
  return write(ctx, (w) => {
    const round = roundOrigin(ctx, sheet.roundId);
    if (!round || round.origin !== 'local') throw new AppError('CONFLICT', '已拒绝：这份评分表属于另一个批次（这台电脑上没有它的原始批次）。未写入任何数据。');
    if (getRound(ctx.db, sheet.roundId).status !== 'open') throw new AppError('CONFLICT', '已拒绝：批次已定稿，不再接收评分表。未写入任何数据。');
    const member = ctx.db.prepare('SELECT m.name, m.public_key, s.id AS sheet_id FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.id = ? AND m.round_id = ?').get(sheet.memberId, sheet.roundId) as { name: string; public_key: string | null; sheet_id: string } | undefined;
    if (!member) throw new AppError('CONFLICT', '已拒绝：评分表中的委员不在此批次中。未写入任何数据。');
    if (!member.public_key) throw new AppError('CONFLICT', `已拒绝：委员“${member.name}”尚未登记签名密钥，请先导入其身份卡并核对指纹。未写入任何数据。`);
    if (member.public_key !== verified.value.signer) throw new AppError('CONFLICT', `已拒绝：签名者（指纹 ${verified.value.fingerprint}）不是委员“${member.name}”登记的密钥。未写入任何数据。`);
    const sent = ctx.db.prepare('SELECT setup_digest FROM round_packages WHERE sha256 = ? AND round_id = ? AND member_id = ?').get(sheet.packageSha256, sheet.roundId, sheet.memberId) as { setup_digest: string } | undefined;
    if (!sent || sent.setup_digest !== sheet.setupDigest) throw new AppError('CONFLICT', '已拒绝：评分表所依据的评审包不是发给这位委员的。未写入任何数据。');
    if (currentSetupDigest(ctx, sheet.roundId, sheet.memberId) !== sheet.setupDigest) throw new AppError('CONFLICT', '已拒绝：评审包已过期——发包之后批次的评分项、申请或回避有改动。请给这位委员重新发评审包。未写入任何数据。');
    const sha256 = verified.value.sha256;
    if (ctx.db.prepare('SELECT 1 FROM received_sheets WHERE sha256 = ?').get(sha256)) throw new AppError('CONFLICT', '已拒绝：这份评分表已经导入过。未写入任何数据。');
    const last = ctx.db.prepare("SELECT max(sequence) AS n FROM received_sheets WHERE member_id = ?").get(sheet.memberId) as { n: number | null };
    if (last.n !== null && sheet.sequence <= last.n) throw new AppError('CONFLICT', `已拒绝：这是第 ${sheet.sequence} 版评分表，已导入的是第 ${last.n} 版；旧版本不能覆盖新版本。未写入任何数据。`);
    if (sheet.sequence > 1 && !sheet.reason) throw refused('badPayload');
    checkCells(ctx, sheet);

    ctx.db.prepare('DELETE FROM scores WHERE sheet_id = ?').run(member.sheet_id);
    const insert = ctx.db.prepare('INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const s of sheet.scores) insert.run(member.sheet_id, s.applicationId, s.criterion, s.value, s.comment, w.at);
    ctx.db.prepare('UPDATE score_sheets SET submitted_at = ? WHERE id = ?').run(w.at, member.sheet_id);
    ctx.db.prepare("UPDATE received_sheets SET status = 'superseded' WHERE member_id = ? AND status = 'verified'").run(sheet.memberId);
    ctx.db
      .prepare("INSERT INTO received_sheets (sha256, round_id, member_id, package_sha256, sequence, reason, status, cells, received_at, received_by) VALUES (?, ?, ?, ?, ?, ?, 'verified', ?, ?, ?)")
      .run(sha256, sheet.roundId, sheet.memberId, sheet.packageSha256, sheet.sequence, sheet.reason, sheet.scores.length, w.at, w.actor);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: sheet.roundId, action: sheet.sequence > 1 ? 'amend' : 'import', before: null, after: { sheetFile: { sha256, memberId: sheet.memberId, memberName: member.name, sequence: sheet.sequence, reason: sheet.reason, cells: sheet.scores.length, signer: verified.value.fingerprint } } });
    return { memberName: member.name, sequence: sheet.sequence, cells: sheet.scores.length, supersededSequence: last.n };
  });
}

/** A signed sheet is a submitted one: complete, every cell on the scale, nothing the member may not score. */
function checkCells(ctx: ServiceContext, sheet: ScoreSheetFile): void {
  const round = getRound(ctx.db, sheet.roundId);
  const criteria = new Set(scoredCriteria(ctx, sheet.roundId));
  const recused = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').all(sheet.memberId) as { application_id: string }[]).map((r) => r.application_id));
  const toScore = [...scorableApplicationIds(ctx, sheet.roundId)].filter((id) => !recused.has(id));
  const seen = new Set<string>();
  const bad = () => refused('badPayload');
  for (const s of sheet.scores) {
    const key = `${s.applicationId}|${s.criterion}`;
    if (seen.has(key) || !criteria.has(s.criterion) || recused.has(s.applicationId) || !toScore.includes(s.applicationId)) throw bad();
    if (s.value < round.options.scale.min || s.value > round.options.scale.max || !hasAtMost2Decimals(s.value)) throw bad();
    seen.add(key);
  }
  if (seen.size !== toScore.length * criteria.size) throw new AppError('CONFLICT', `已拒绝：评分表不完整（${seen.size}/${toScore.length * criteria.size} 格）。未写入任何数据。`);
}

export type SheetExchangeState = 'noKey' | 'notSent' | 'sent' | 'verified';

/** Per member, for the chair: key registered? package sent? sheet received and verified, how many superseded. */
export function exchangeStatus(ctx: ServiceContext, roundId: string) {
  const members = ctx.db.prepare('SELECT id, name, key_fingerprint FROM members WHERE round_id = ? ORDER BY sort').all(roundId) as { id: string; name: string; key_fingerprint: string | null }[];
  return members.map((m) => {
    const sent = ctx.db.prepare('SELECT max(exported_at) AS at FROM round_packages WHERE member_id = ?').get(m.id) as { at: string | null };
    const received = ctx.db.prepare('SELECT sequence, received_at, status, reason FROM received_sheets WHERE member_id = ? ORDER BY sequence').all(m.id) as { sequence: number; received_at: string; status: string; reason: string | null }[];
    const current = received.find((r) => r.status === 'verified') ?? null;
    const state: SheetExchangeState = !m.key_fingerprint ? 'noKey' : current ? 'verified' : sent.at ? 'sent' : 'notSent';
    return { memberId: m.id, name: m.name, fingerprint: m.key_fingerprint, state, packageSentAt: sent.at, current, superseded: received.filter((r) => r.status === 'superseded').length };
  });
}

/** For the UI: whose round this is here, the pinned chair, and the last sheet version this laptop sent. */
export function exchangeRoundInfo(ctx: ServiceContext, roundId: string) {
  const round = roundOrigin(ctx, roundId);
  if (!round) throw new AppError('NOT_FOUND', '找不到该批次');
  const chair = ctx.db.prepare('SELECT t.fingerprint FROM rounds r JOIN trusted_chairs t ON t.public_key = r.chair_public_key WHERE r.id = ?').get(roundId) as { fingerprint: string } | undefined;
  const last = ctx.db.prepare('SELECT max(sequence) AS n FROM sent_sheets WHERE round_id = ?').get(roundId) as { n: number | null };
  return { origin: round.origin, packageMemberId: round.package_member_id, chairFingerprint: chair?.fingerprint ?? null, lastSentSequence: last.n };
}
