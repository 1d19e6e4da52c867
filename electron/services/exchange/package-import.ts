// 导入评审包 (member's laptop): verify the chair's signature, show what the package holds and whose key
// signed it (trust on first use: the member confirms the fingerprint the chair reads out; then pinned),
// and create — or bring up to date — a local round in which only this member's sheet can be scored.
// Ids are the chair's, so the sheet that goes back names the chair's applications and criteria.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { write, type WriteScope } from '../write';
import { AppError } from '../../backend/app-error';
import { createDossierRepo } from '../dossiers/dossier-repo';
import { DOSSIER_ENTITY } from '../dossiers/dossier-service';
import { blobPath } from '../attachments/attachment-service';
import { ROUND_ENTITY } from '../rounds/setup-service';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { roundPackageSchema, type RoundPackage } from '../../../shared/exchange/payloads';
import { refused, sha256Hex } from './exchange-common';
import { verifyEnvelope } from './signing';
import type { PackagePreviewView } from '../../../shared/api/contract-exchange';

/** What the member sees before importing (the contract's view type, one definition). */
export type PackagePreview = PackagePreviewView;

function readPackage(dataBase64: string): { pkg: RoundPackage; signer: string; fingerprint: string; sha256: string } {
  const verified = verifyEnvelope(Buffer.from(dataBase64, 'base64'), 'round-package');
  if (!verified.ok) throw refused(verified.problem);
  let parsed;
  try {
    parsed = roundPackageSchema.safeParse(JSON.parse(verified.value.payload.toString('utf8')));
  } catch {
    throw refused('badPayload');
  }
  if (!parsed.success) throw refused('badPayload');
  return { pkg: parsed.data, signer: verified.value.signer, fingerprint: verified.value.fingerprint, sha256: verified.value.sha256 };
}

export function importRoundPackage(ctx: ServiceContext, input: { dataBase64: string; trustChair: boolean; previewOnly?: boolean }): { imported: boolean; preview: PackagePreview } {
  const { pkg, signer, fingerprint, sha256 } = readPackage(input.dataBase64);
  const existing = ctx.db.prepare('SELECT origin, chair_public_key, package_sha256 FROM rounds WHERE id = ?').get(pkg.roundId) as { origin: string; chair_public_key: string | null; package_sha256: string | null } | undefined;
  if (existing?.origin === 'local') throw new AppError('CONFLICT', '这台电脑上有此批次的原始数据（组长的电脑），不能再导入它的评审包');
  if (existing && existing.chair_public_key !== signer) throw new AppError('CONFLICT', '此批次之前由另一位组长的密钥签发；这个评审包的签名者不同，已拒绝');
  const trusted = ctx.db.prepare('SELECT 1 FROM trusted_chairs WHERE public_key = ?').get(signer) !== undefined;
  const member = pkg.members.find((m) => m.id === pkg.memberId);
  if (!member) throw refused('badPayload');
  const preview: PackagePreview = {
    sha256,
    roundId: pkg.roundId,
    roundName: pkg.roundName,
    platform: pkg.platform,
    programName: pkg.programName,
    memberName: member.name,
    regions: pkg.regions.length,
    applications: pkg.applications.length,
    attachments: pkg.applications.reduce((n, a) => n + a.attachments.length, 0),
    recusals: pkg.recusedApplicationIds.length,
    chairFingerprint: fingerprint,
    chairTrusted: trusted,
    replaces: existing !== undefined,
  };
  // previewOnly: the member sees what the package holds before anything is written, even from a pinned chair.
  if (input.previewOnly) return { imported: false, preview };
  if (existing?.package_sha256 === sha256) return { imported: true, preview };
  if (!trusted && !input.trustChair) return { imported: false, preview };
  for (const a of pkg.applications) for (const f of a.attachments) if (sha256Hex(Buffer.from(f.dataBase64, 'base64')) !== f.sha256) throw refused('badPayload');

  write(ctx, (w) => {
    if (!trusted) ctx.db.prepare('INSERT INTO trusted_chairs (public_key, fingerprint, trusted_at, trusted_by) VALUES (?, ?, ?, ?)').run(signer, fingerprint, w.at, w.actor);
    const programId = programFor(ctx, pkg, w.at);
    const setup = JSON.stringify(pkg.options);
    if (existing) ctx.db.prepare('UPDATE rounds SET name = ?, reference_date = ?, options = ?, package_sha256 = ?, version = version + 1, updated_at = ? WHERE id = ?').run(pkg.roundName, pkg.referenceDate, setup, sha256, w.at, pkg.roundId);
    else
      ctx.db
        .prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at, origin, package_sha256, package_member_id, chair_public_key) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, 'package', ?, ?, ?)")
        .run(pkg.roundId, programId, pkg.roundName, pkg.referenceDate, setup, w.at, w.at, sha256, pkg.memberId, signer);
    syncStructure(ctx, pkg, w);
    // The received package is recorded like a sent one: the sheet going back quotes its hash and digest.
    ctx.db.prepare('INSERT OR IGNORE INTO round_packages (sha256, round_id, member_id, setup_digest, exported_at, exported_by) VALUES (?, ?, ?, ?, ?, ?)').run(sha256, pkg.roundId, pkg.memberId, pkg.setupDigest, pkg.exportedAt, `组长（${fingerprint}）`);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: pkg.roundId, action: 'import', before: existing ? { package: existing.package_sha256 } : null, after: { package: { sha256, chairFingerprint: fingerprint, member: member.name, applications: pkg.applications.length } } });
  });
  return { imported: true, preview: { ...preview, chairTrusted: true } };
}

/** The member's laptop holds no admission rules for the package: the chair has screened already. */
function programFor(ctx: ServiceContext, pkg: RoundPackage, at: string): string {
  const found = ctx.db.prepare("SELECT id FROM programs WHERE platform = ? AND name = ? AND rules = '[]'").get(pkg.platform, pkg.programName) as { id: string } | undefined;
  if (found) return found.id;
  const id = crypto.randomUUID();
  ctx.db.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES (?, ?, ?, '[]', ?, ?)").run(id, pkg.platform, pkg.programName, at, at);
  return id;
}

function syncStructure(ctx: ServiceContext, pkg: RoundPackage, w: WriteScope): void {
  const db = ctx.db;
  const roundId = pkg.roundId;
  // Regions, members: upsert what the package has. Applications no longer in it go, with their cells.
  pkg.regions.forEach((r, i) =>
    db.prepare('INSERT INTO round_regions (id, round_id, name, city, quota, waitlist_length, sort) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city, quota = excluded.quota, waitlist_length = excluded.waitlist_length, sort = excluded.sort').run(r.id, roundId, r.name, r.city, r.quota, r.waitlistLength, i + 1),
  );
  pkg.members.forEach((m, i) => {
    db.prepare('INSERT INTO members (id, round_id, name, role, sort, public_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, sort = excluded.sort, public_key = excluded.public_key').run(m.id, roundId, m.name, m.role, i + 1, m.publicKey);
    db.prepare('INSERT OR IGNORE INTO score_sheets (id, round_id, member_id) VALUES (?, ?, ?)').run(crypto.randomUUID(), roundId, m.id);
  });
  const keep = new Set(pkg.applications.map((a) => a.id));
  for (const { id } of db.prepare('SELECT id FROM applications WHERE round_id = ?').all(roundId) as { id: string }[]) {
    if (keep.has(id)) continue;
    for (const table of ['scores', 'recusals', 'application_regions', 'eligibility_overrides']) db.prepare(`DELETE FROM ${table} WHERE application_id = ?`).run(id);
    db.prepare('DELETE FROM applications WHERE id = ?').run(id);
  }
  const repo = createDossierRepo(db);
  for (const a of pkg.applications) {
    const dossierId = dossierFor(ctx, repo, a.dossier, w);
    for (const f of a.attachments) storeAttachment(ctx, dossierId, f, w);
    db.prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET price_quote_fen = excluded.price_quote_fen, strength_statement = excluded.strength_statement').run(
      a.id,
      roundId,
      dossierId,
      a.priceQuoteYuan === null ? null : Math.round(a.priceQuoteYuan * 100),
      a.strengthStatement,
      '{}',
      w.at,
    );
    db.prepare('DELETE FROM application_regions WHERE application_id = ?').run(a.id);
    a.regionIds.forEach((regionId, i) => db.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)').run(a.id, regionId, i + 1));
  }
  const keepRegions = new Set(pkg.regions.map((r) => r.id));
  for (const { id } of db.prepare('SELECT id FROM round_regions WHERE round_id = ?').all(roundId) as { id: string }[]) if (!keepRegions.has(id)) db.prepare('DELETE FROM round_regions WHERE id = ?').run(id);
  db.prepare('DELETE FROM recusals WHERE member_id = ?').run(pkg.memberId);
  for (const applicationId of pkg.recusedApplicationIds) if (keep.has(applicationId)) db.prepare('INSERT INTO recusals (application_id, member_id, reason, declared_at) VALUES (?, ?, ?, ?)').run(applicationId, pkg.memberId, '评审包中登记的回避', w.at);
  // Cells of criteria no longer scored, or of recused applications, no longer belong on the sheet; a changed
  // set-up needs a fresh submission.
  const sheetId = (db.prepare('SELECT id FROM score_sheets WHERE member_id = ?').get(pkg.memberId) as { id: string }).id;
  const criteria = JSON.stringify(pkg.criteria);
  db.prepare('DELETE FROM scores WHERE sheet_id = ? AND (criterion NOT IN (SELECT value FROM json_each(?)) OR application_id IN (SELECT application_id FROM recusals WHERE member_id = ?))').run(sheetId, criteria, pkg.memberId);
  db.prepare('UPDATE score_sheets SET submitted_at = NULL WHERE id = ?').run(sheetId);
}

function dossierFor(ctx: ServiceContext, repo: ReturnType<typeof createDossierRepo>, facts: Record<string, unknown>, w: WriteScope): number {
  const parsed = dossierInputSchema.safeParse({ ...facts, notes: '' });
  if (!parsed.success) throw refused('badPayload');
  const found = repo.getByCreditCode(parsed.data.creditCode);
  if (found) return found.id;
  const id = repo.insert(parsed.data, w.at);
  w.log({ entity: DOSSIER_ENTITY, entityId: id, action: 'import', before: null, after: { ...parsed.data, source: '评审包' } });
  return id;
}

function storeAttachment(ctx: ServiceContext, dossierId: number, f: RoundPackage['applications'][number]['attachments'][number], w: WriteScope): void {
  if (ctx.db.prepare('SELECT 1 FROM attachments WHERE dossier_id = ? AND sha256 = ? AND removed_at IS NULL').get(dossierId, f.sha256)) return;
  const bytes = Buffer.from(f.dataBase64, 'base64');
  const target = blobPath(ctx.dataDir, f.sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  const kind = ['licence', 'certificate', 'other'].includes(f.kind) ? f.kind : 'other';
  ctx.db.prepare('INSERT INTO attachments (dossier_id, kind, file_name, mime, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(dossierId, kind, f.fileName, f.mime, bytes.length, f.sha256, w.at, w.actor);
}
