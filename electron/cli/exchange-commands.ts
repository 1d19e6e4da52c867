// Exchange commands for staff (docs/exchange.md, docs/cli.md): export a member's 评审包, import members'
// signed 评分表 files in a batch, and verify any exchange file. They go through dispatch() like the app, so
// every check (signature, member key, package hash, stale set-up, replay) is the app's own.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../backend/dispatch';
import { handlers } from '../backend/handlers';
import { EXCHANGE_KINDS, type ExchangeKind } from '../../shared/exchange/envelope';
import { safeFileName } from '../shell/safe-file-name';
import { verifyEnvelope } from '../services/exchange/signing';
import { REASONS } from '../services/exchange/exchange-common';
import type { CallOutput } from '../../shared/api/contract';
import { call, CliFailure, type Cli } from './commands';

const KIND_NAMES: Record<ExchangeKind, string> = { 'round-package': '评审包', 'score-sheet': '评分表', 'result-package': '结果包', identity: '身份卡' };

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFailure(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(error)}）`);
  }
}

async function resolveRoundId(cli: Cli, idOrPrefix: string): Promise<string> {
  const matches = (await call(cli, 'rounds.list', {})).filter((r) => r.id === idOrPrefix || r.id.startsWith(idOrPrefix.toLowerCase()));
  if (matches.length === 1) return matches[0]!.id;
  throw new CliFailure(matches.length === 0 ? `找不到批次“${idOrPrefix}”。用 rounds 命令查看批次 ID。` : `批次 ID 前缀“${idOrPrefix}”对应多个批次，请写得更长一些。`);
}

export async function exportPackageCommand(cli: Cli, roundArg: string, memberArg: string, includeAttachments: boolean, out: string | undefined): Promise<void> {
  const roundId = await resolveRoundId(cli, roundArg);
  const members = await call(cli, 'members.list', { roundId });
  const member = members.find((m) => m.id === memberArg) ?? members.find((m) => m.name === memberArg.trim());
  if (!member) throw new CliFailure(`本批次没有委员“${memberArg}”（可写姓名或委员 ID）。`);
  const file = await call(cli, 'exchange.exportPackage', { roundId, memberId: member.id, includeAttachments });
  const target = path.resolve(out ?? safeFileName(file.fileName, '评审包.rdpkg'));
  const bytes = Buffer.from(file.dataBase64, 'base64');
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  } catch (error) {
    throw new CliFailure(`无法写入 ${target}（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  cli.out(`已导出评审包：${target}（委员 ${member.name}，${bytes.length} 字节${includeAttachments ? '' : '，不含附件'}）`);
  cli.out(`sha256：${file.sha256}`);
}

/** Each file on its own: one refusal does not stop the others; any refusal makes the exit code 1. */
export async function importSheetsCommand(cli: Cli, files: string[]): Promise<void> {
  let refusedCount = 0;
  for (const file of files) {
    const name = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = readBytes(file);
    } catch (error) {
      refusedCount++;
      cli.out(`${name}：已拒绝：${(error as Error).message}`);
      continue;
    }
    const result = await dispatch(handlers, cli.ctx, 'exchange.importSheet', { dataBase64: bytes.toString('base64') });
    if (result.ok) {
      const r = result.value as CallOutput<'exchange.importSheet'>;
      cli.out(`${name}：已接受，委员 ${r.memberName} 第 ${r.sequence} 版（${r.cells} 格）${r.supersededSequence !== null ? `，取代第 ${r.supersededSequence} 版` : ''}`);
    } else {
      refusedCount++;
      cli.out(`${name}：${result.error.message.startsWith('已拒绝') ? '' : '已拒绝：'}${result.error.message}`);
    }
  }
  if (refusedCount > 0) throw new CliFailure(`${files.length} 个文件中有 ${refusedCount} 个被拒绝。`);
  cli.out(`${files.length} 个文件全部接受。`);
}

/** Needs no database: which kind, who signed (fingerprint), and whether the signature holds. */
export function verifyFileCommand(out: (line?: string) => void, file: string): void {
  const bytes = readBytes(file);
  let kind: ExchangeKind | null = null;
  try {
    const format = (JSON.parse(bytes.toString('utf8')) as { format?: unknown }).format;
    kind = EXCHANGE_KINDS.find((k) => format === `review-desk/${k}`) ?? null;
  } catch {
    kind = null;
  }
  if (!kind) throw new CliFailure(`${path.basename(file)}：不是评审台的交换文件（无法识别类型）。`);
  out(`文件：${path.basename(file)}`);
  out(`类型：${KIND_NAMES[kind]}（review-desk/${kind}）`);
  const verified = verifyEnvelope(bytes, kind);
  if (!verified.ok) throw new CliFailure(`签名无效：${REASONS[verified.problem]}。`);
  out(`签名者指纹：${verified.value.fingerprint}`);
  out(`sha256：${verified.value.sha256}`);
  out('签名有效。核对签名者指纹是否为组长或委员当面读出的那一串。');
}
