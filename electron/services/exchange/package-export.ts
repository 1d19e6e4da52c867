// 导出评审包 (chair): one member's package — the round's set-up, the applications they score with the
// dossier facts (and, optionally, attachments), the member list with keys and this member's recusals —
// signed with the chair's key. Quotes travel only when price is scored by hand (docs/exchange.md).
import fs from 'node:fs';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { getProgram, getRound } from '../rounds/round-repo';
import { listApplications } from '../rounds/application-service';
import { scorableApplicationIds } from '../rounds/screening-service';
import { scoredCriteria } from '../rounds/scoring-service';
import { createDossierRepo } from '../dossiers/dossier-repo';
import { blobPath } from '../attachments/attachment-service';
import { ROUND_ENTITY } from '../rounds/setup-service';
import { roundPackageSchema, type RoundPackage } from '../../../shared/exchange/payloads';
import { localIdentity, setupDigest, sha256Hex } from './exchange-common';
import { signEnvelope } from './signing';

interface AttachmentRow {
  file_name: string;
  kind: string;
  mime: string;
  sha256: string;
}

/** The package payload for one member, built from the round as it stands (pure read). */
export function buildPackage(ctx: ServiceContext, roundId: string, memberId: string, includeAttachments: boolean, exportedAt: string): RoundPackage {
  const round = getRound(ctx.db, roundId);
  const program = getProgram(ctx.db, round.programId);
  const members = ctx.db.prepare('SELECT id, name, role, public_key FROM members WHERE round_id = ? ORDER BY sort').all(roundId) as { id: string; name: string; role: 'chair' | 'member'; public_key: string | null }[];
  if (!members.some((m) => m.id === memberId)) throw new AppError('NOT_FOUND', '该委员不在此批次中');
  const scorable = scorableApplicationIds(ctx, roundId);
  const recused = (ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').all(memberId) as { application_id: string }[]).map((r) => r.application_id);
  const criteria = scoredCriteria(ctx, roundId);
  const priceScoredByHand = round.options.priceMode !== 'lowestPrice';
  const repo = createDossierRepo(ctx.db);
  const attachmentsOf = ctx.db.prepare('SELECT file_name, kind, mime, sha256 FROM attachments WHERE dossier_id = ? AND removed_at IS NULL');
  const applications = listApplications(ctx, roundId, false)
    .filter((a) => scorable.has(a.id))
    .map((a) => {
      const { id: _id, version: _v, notes: _notes, createdAt: _c, updatedAt: _u, archivedAt: _a, ...dossier } = repo.get(a.dossierId)! as Record<string, unknown>;
      const attachments = includeAttachments
        ? (attachmentsOf.all(a.dossierId) as AttachmentRow[]).map((f) => ({ fileName: f.file_name, kind: f.kind, mime: f.mime, sha256: f.sha256, dataBase64: fs.readFileSync(blobPath(ctx.dataDir, f.sha256)).toString('base64') }))
        : [];
      return { id: a.id, regionIds: a.regionIds, dossier, priceQuoteYuan: priceScoredByHand ? a.priceQuoteYuan : null, strengthStatement: a.strengthStatement, attachments };
    });
  const digest = currentSetupDigest(ctx, roundId, memberId);
  return roundPackageSchema.parse({
    roundId,
    roundName: round.name,
    platform: program.platform,
    programName: program.name,
    referenceDate: round.referenceDate,
    options: round.options,
    regions: round.regions.map(({ id, name, city, quota, waitlistLength }) => ({ id, name, city, quota, waitlistLength })),
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, publicKey: m.public_key })),
    memberId,
    recusedApplicationIds: recused,
    applications,
    criteria,
    setupDigest: digest,
    exportedAt,
  });
}

/** The set-up digest for one member as the round stands now (exchange-common.setupDigest). */
export function currentSetupDigest(ctx: ServiceContext, roundId: string, memberId: string): string {
  const round = getRound(ctx.db, roundId);
  const scorable = scorableApplicationIds(ctx, roundId);
  const recused = (ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').all(memberId) as { application_id: string }[]).map((r) => r.application_id);
  const applications = listApplications(ctx, roundId, false).filter((a) => scorable.has(a.id));
  return setupDigest({ roundId, options: round.options, criteria: scoredCriteria(ctx, roundId), regionIds: round.regions.map((r) => r.id), applications, recusedApplicationIds: recused });
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  dataBase64: string;
  sha256: string;
}

export function exportRoundPackage(ctx: ServiceContext, input: { roundId: string; memberId: string; includeAttachments: boolean }): ExportedFile {
  return write(ctx, (w) => {
    const round = getRound(ctx.db, input.roundId);
    if (round.status !== 'open') throw new AppError('CONFLICT', '批次已定稿，不能再发评审包');
    const origin = (ctx.db.prepare('SELECT origin FROM rounds WHERE id = ?').get(input.roundId) as { origin: string }).origin;
    if (origin !== 'local') throw new AppError('CONFLICT', '这是从评审包导入的批次，只有组长的电脑能发评审包');
    const payload = buildPackage(ctx, input.roundId, input.memberId, input.includeAttachments, w.at);
    const text = signEnvelope('round-package', Buffer.from(JSON.stringify(payload)), localIdentity(ctx).privateKey);
    const sha256 = sha256Hex(text);
    // The same package exported again within the same millisecond is byte-identical (Ed25519 signatures are
    // deterministic): it is already recorded, so it is handed out again rather than failing the UNIQUE key
    // (found by the API fuzz: an INTERNAL error on a double click).
    const inserted = ctx.db.prepare('INSERT OR IGNORE INTO round_packages (sha256, round_id, member_id, setup_digest, exported_at, exported_by) VALUES (?, ?, ?, ?, ?, ?)').run(sha256, input.roundId, input.memberId, payload.setupDigest, w.at, w.actor);
    const member = payload.members.find((m) => m.id === input.memberId)!;
    if (inserted.changes > 0) w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: input.roundId, action: 'create', before: null, after: { package: { sha256, memberId: input.memberId, memberName: member.name, applications: payload.applications.length, attachments: input.includeAttachments } } });
    return { fileName: `评审包-${round.name}-${member.name}.rdpkg`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'), mime: 'application/json', dataBase64: Buffer.from(text).toString('base64'), sha256 };
  });
}
