// 结果包. Chair: after finalizing, export the frozen selection list and every member's counted scores,
// signed with the chair's key. Member: verify it — the pinned chair key of this very round — and compare the
// member's own counted sheet cell by cell with the signed sheet the member sent (the version the chair
// says it counted). Checking writes nothing: the member keeps the file, not a copy in the database.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { getRound } from '../rounds/round-repo';
import { currentFinalization } from '../rounds/finalization-repo';
import { ROUND_ENTITY } from '../rounds/setup-service';
import { selectionRows } from '../../../shared/rounds/selection-list';
import { scoreSheetFileSchema } from '../../../shared/exchange/payloads';
import type { ResultCheckView } from '../../../shared/api/contract-exchange';
import { compareCells, resultPackageSchema, type ResultPackage, type ResultSelectionRow } from '../../../shared/exchange/result-payload';
import { localIdentity, refused, sha256Hex } from './exchange-common';
import type { ExportedFile } from './package-export';
import { signEnvelope, verifyEnvelope } from './signing';

export function exportResultPackage(ctx: ServiceContext, input: { roundId: string }): ExportedFile {
  return write(ctx, (w) => {
    const round = getRound(ctx.db, input.roundId);
    if (round.origin !== 'local') throw new AppError('CONFLICT', '这是从评审包导入的批次，只有组长的电脑能发结果包');
    const finalization = currentFinalization(ctx.db, input.roundId);
    if (round.status !== 'finalized' || !finalization) throw new AppError('CONFLICT', '批次定稿后才能导出结果包');
    const results = finalization.snapshot.results;
    const selection: ResultSelectionRow[] = selectionRows(results).map((r) => ({ regionId: r.regionId, regionName: r.regionName, applicationId: r.applicationId, legalName: r.legalName, rank: r.rank, total: r.total, status: r.status, waitlistPosition: r.waitlistPosition }));
    const members = ctx.db.prepare('SELECT m.id, m.name, s.id AS sheet_id FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort').all(input.roundId) as { id: string; name: string; sheet_id: string }[];
    const cells = ctx.db.prepare('SELECT application_id AS applicationId, criterion, value FROM scores WHERE sheet_id = ? ORDER BY application_id, criterion');
    const received = ctx.db.prepare("SELECT sha256, sequence FROM received_sheets WHERE member_id = ? AND status = 'verified'");
    const sheets = members.map((m) => {
      const r = received.get(m.id) as { sha256: string; sequence: number } | undefined;
      return { memberId: m.id, memberName: m.name, sequence: r?.sequence ?? null, sheetSha256: r?.sha256 ?? null, scores: cells.all(m.sheet_id) as { applicationId: string; criterion: string; value: number }[] };
    });
    const payload: ResultPackage = resultPackageSchema.parse({ roundId: round.id, roundName: round.name, finalizedAt: finalization.finalizedAt, finalizedBy: finalization.finalizedBy, selection, sheets, exportedAt: w.at });
    const text = signEnvelope('result-package', Buffer.from(JSON.stringify(payload)), localIdentity(ctx).privateKey);
    const sha256 = sha256Hex(text);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: round.id, action: 'create', before: null, after: { resultPackage: { sha256, finalizationId: finalization.id } } });
    return { fileName: `结果包-${round.name}.rdresult`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'), mime: 'application/json', dataBase64: Buffer.from(text).toString('base64'), sha256 };
  });
}

/** The member's check of a result package (the contract's view type, one definition). */
export type ResultCheck = ResultCheckView;

export function checkResultPackage(ctx: ServiceContext, input: { dataBase64: string }): ResultCheck {
  const verified = verifyEnvelope(Buffer.from(input.dataBase64, 'base64'), 'result-package');
  if (!verified.ok) throw refused(verified.problem);
  let result: ResultPackage;
  try {
    const parsed = resultPackageSchema.safeParse(JSON.parse(verified.value.payload.toString('utf8')));
    if (!parsed.success) throw refused('badPayload');
    result = parsed.data;
  } catch (error) {
    throw error instanceof AppError ? error : refused('badPayload');
  }
  const round = ctx.db.prepare('SELECT origin, chair_public_key, package_member_id FROM rounds WHERE id = ?').get(result.roundId) as { origin: string; chair_public_key: string | null; package_member_id: string | null } | undefined;
  if (!round || round.origin !== 'package') throw new AppError('CONFLICT', '已拒绝：这台电脑上没有这个批次的评审包，无法核对结果包。');
  if (round.chair_public_key !== verified.value.signer) throw new AppError('CONFLICT', `已拒绝：结果包的签名者（指纹 ${verified.value.fingerprint}）不是为此批次发评审包的组长。`);
  const own = result.sheets.find((s) => s.memberId === round.package_member_id);
  if (!own) throw new AppError('CONFLICT', '已拒绝：结果包中没有本机委员的评分表。');
  const sent = ctx.db.prepare('SELECT sha256, sequence, payload FROM sent_sheets WHERE round_id = ? ORDER BY sequence').all(result.roundId) as { sha256: string; sequence: number; payload: string | null }[];
  const compared = own.sequence === null ? sent.at(-1) : sent.find((s) => s.sequence === own.sequence);
  let sentCells: { applicationId: string; criterion: string; value: number }[] = [];
  if (compared?.payload) {
    const parsed = scoreSheetFileSchema.safeParse(JSON.parse(compared.payload));
    if (parsed.success) sentCells = parsed.data.scores;
  }
  const names = new Map((ctx.db.prepare('SELECT a.id, d.legal_name FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ?').all(result.roundId) as { id: string; legal_name: string }[]).map((r) => [r.id, r.legal_name]));
  const last = sent.at(-1)?.sequence ?? null;
  return {
    roundId: result.roundId,
    roundName: result.roundName,
    finalizedAt: result.finalizedAt,
    chairFingerprint: verified.value.fingerprint,
    memberName: own.memberName,
    countedSequence: own.sequence,
    comparedSequence: compared?.payload ? compared.sequence : null,
    newerSent: last !== null && own.sequence !== null && last > own.sequence ? last : null,
    cells: own.scores.length,
    differences: compareCells(sentCells, own.scores).map((d) => ({ ...d, legalName: names.get(d.applicationId) ?? d.applicationId })),
    sameFile: compared !== undefined && compared.sha256 === own.sheetSha256,
    selection: result.selection,
  };
}
