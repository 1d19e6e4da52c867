// Shared by the package and sheet flows: this installation's identity, the set-up digest both sides
// compute, and the zh-CN reasons a refused file is given.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { fileKeyStore, loadOrCreateIdentity, type Identity, type KeyStore } from './identity';
import type { VerifyProblem } from './signing';

const identities = new Map<string, Identity>();
const providedStores = new Map<string, KeyStore>();
/** The desktop worker: the key main unsealed with safeStorage arrives in workerData (identity.ts). */
export function provideKeyStore(dataDir: string, store: KeyStore): void {
  providedStores.set(dataDir, store);
  identities.delete(dataDir);
}
/** This data directory's key pair, created on first use (cached: a file read and a key parse per call is waste). */
export function localIdentity(ctx: ServiceContext): Identity {
  let identity = identities.get(ctx.dataDir);
  if (!identity) {
    identity = loadOrCreateIdentity(providedStores.get(ctx.dataDir) ?? fileKeyStore(ctx.dataDir));
    identities.set(ctx.dataDir, identity);
  }
  return identity;
}

export interface DigestInput {
  roundId: string;
  options: unknown;
  criteria: readonly string[];
  regionIds: readonly string[];
  applications: readonly { id: string; regionIds: readonly string[] }[];
  recusedApplicationIds: readonly string[];
}

/**
 * What a member's scores depend on: the criteria and scale, which applications they score and for which
 * regions, and their recusals. The chair computes it when exporting and again when a sheet comes back; a
 * difference means the package is stale (the set-up changed after it was sent).
 */
export function setupDigest(d: DigestInput): string {
  const canonical = JSON.stringify([
    d.roundId,
    d.options,
    [...d.criteria],
    [...d.regionIds].sort(),
    [...d.applications].map((a) => [a.id, [...a.regionIds]]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    [...d.recusedApplicationIds].sort(),
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

export const REASONS: Record<VerifyProblem | 'badPayload', string> = {
  notUtf8: '文件不是有效的 UTF-8 文本，可能已损坏',
  notJson: '文件不是评审台的交换文件（无法读取）',
  notEnvelope: '文件格式不对：缺少或多出了字段',
  wrongKind: '文件类型不对（例如把评分表当作评审包导入）',
  unsupportedVersion: '文件来自不兼容的评审台版本',
  notCanonical: '文件内容被改动过（格式与签名时不一致）',
  badSignature: '签名无效：文件内容被改动过，或不是由所示密钥签名',
  badPayload: '文件内容不完整或格式不对',
};

export function refused(problem: VerifyProblem | 'badPayload'): AppError {
  return new AppError('BAD_FILE', `已拒绝：${REASONS[problem]}。未写入任何数据。`);
}

export const sha256Hex = (bytes: Uint8Array | string) => crypto.createHash('sha256').update(bytes).digest('hex');
