// The command-line commands. Each one calls the backend through dispatch(), exactly as the app's two
// transports do, so every input is validated by the same contract and every write lands in history.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../backend/dispatch';
import { handlers } from '../backend/handlers';
import type { CallName } from '../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import type { ImportIssue } from '../../shared/dossiers/import-schema';
import type { ServiceContext } from '../services/context';
import { safeFileName } from '../shell/safe-file-name';
import { rankingText, roundsTable } from './format';

/** A failure the user can fix: message on stderr, exit code 1 (validation or domain error). */
export class CliFailure extends Error {}
/** The command line itself is wrong: usage on stderr, exit code 2. */
export class UsageError extends Error {}

export interface Cli {
  ctx: ServiceContext;
  out: (line?: string) => void;
}

export async function call<K extends CallName>(cli: Cli, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await dispatch(handlers, cli.ctx, name, input);
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as CallOutput<K>;
}

function readInput(file: string): { fileName: string; dataBase64: string } {
  try {
    return { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFailure(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(error)}）`);
  }
}

/** A full uuid, or the unique start of one as printed by `rounds` (typing 36 characters helps nobody). */
async function resolveRound(cli: Cli, idOrPrefix: string): Promise<string> {
  const rounds = await call(cli, 'rounds.list', {});
  const matches = rounds.filter((r) => r.id === idOrPrefix || r.id.startsWith(idOrPrefix.toLowerCase()));
  if (matches.length === 1) return matches[0]!.id;
  throw new CliFailure(matches.length === 0 ? `找不到批次“${idOrPrefix}”。用 rounds 命令查看批次 ID。` : `批次 ID 前缀“${idOrPrefix}”对应多个批次，请写得更长一些。`);
}

/**
 * Whose view of an open round: the named member, or the chair. A member sees the ranking only after
 * submitting their own sheet (independent scoring); the CLI does not bypass that. A finalized round is
 * readable by anyone.
 */
async function viewer(cli: Cli, roundId: string, memberName: string | undefined): Promise<{ id: string; name: string } | null> {
  const round = await call(cli, 'rounds.get', { id: roundId });
  if (round.status === 'finalized') return null;
  const members = await call(cli, 'members.list', { roundId });
  const member = memberName ? members.find((m) => m.name === memberName.trim()) : members.find((m) => m.role === 'chair');
  if (!member) throw new CliFailure(memberName ? `本批次没有名为“${memberName}”的委员。` : '本批次还没有组长；请用 --member 指定一位已提交评分表的委员。');
  return { id: member.id, name: `${member.role === 'chair' ? '组长' : '委员'} ${member.name}` };
}

function printIssues(cli: Cli, issues: ImportIssue[], unknownColumns: string[]): void {
  if (unknownColumns.length > 0) cli.out(`未识别的列（已忽略）：${unknownColumns.join('、')}`);
  if (issues.length === 0) return;
  cli.out(`有错误的行（共 ${issues.length} 处）：`);
  for (const i of issues) cli.out(`  第 ${i.row} 行${i.column ? `【${i.column}】` : ''}：${i.reason}`);
}

interface ImportFlags {
  yes: boolean;
  skipInvalid: boolean;
}

/** The shared ending of both imports: errors stop a script unless it asked to skip them; --yes commits. */
async function finishImport(cli: Cli, hasErrors: boolean, flags: ImportFlags, commit: () => Promise<string>): Promise<void> {
  if (hasErrors && !flags.skipInvalid) throw new CliFailure('文件中有错误，未导入任何数据。请修正后重试，或加 --skip-invalid 只导入有效行。');
  if (!flags.yes) {
    cli.out('这是预览，未写入任何数据。确认导入请加 --yes。');
    return;
  }
  cli.out(await commit());
}

export async function importDossiers(cli: Cli, file: string, flags: ImportFlags): Promise<void> {
  const preview = await call(cli, 'dossiers.importPreview', readInput(file));
  const c = preview.counts;
  cli.out(`文件 ${preview.fileName}：共 ${preview.totalRows} 行；新建 ${c.create}，更新 ${c.update}，无变化 ${c.unchanged}，有错误 ${c.invalid}。`);
  printIssues(cli, preview.issues, preview.unknownColumns);
  await finishImport(cli, preview.issues.length > 0, flags, async () => {
    const r = await call(cli, 'dossiers.importCommit', { previewId: preview.previewId });
    return `已导入：新建 ${r.created}，更新 ${r.updated}，无变化 ${r.unchanged}。`;
  });
}

export async function importScores(cli: Cli, roundArg: string, file: string, flags: ImportFlags): Promise<void> {
  const roundId = await resolveRound(cli, roundArg);
  const preview = await call(cli, 'scores.importPreview', { roundId, ...readInput(file) });
  const c = preview.counts;
  cli.out(`文件 ${preview.fileName}：共 ${preview.totalRows} 行；新填 ${c.new}，修改 ${c.changed}，无变化 ${c.unchanged}，有错误 ${c.invalid}。`);
  if (preview.members.length > 0) cli.out(`涉及委员：${preview.members.map((m) => `${m.name} ${m.rows} 行`).join('，')}`);
  printIssues(cli, preview.issues, preview.unknownColumns);
  await finishImport(cli, preview.issues.length > 0, flags, async () => {
    const r = await call(cli, 'scores.importCommit', { previewId: preview.previewId });
    return `已导入：写入 ${r.written} 格，无变化 ${r.unchanged} 格。`;
  });
}

export async function listRounds(cli: Cli): Promise<void> {
  for (const line of roundsTable(await call(cli, 'rounds.list', {}))) cli.out(line);
}

export async function loadDemo(cli: Cli): Promise<void> {
  const { roundId } = await call(cli, 'demo.load', {});
  const round = await call(cli, 'rounds.get', { id: roundId });
  const applications = await call(cli, 'applications.list', { roundId });
  const members = await call(cli, 'members.list', { roundId });
  cli.out(`已加载示例批次“${round.name}”：${round.regions.length} 个区域，${applications.length} 份申请，${members.length} 位委员的评分表均已提交（批次未定稿）。`);
  cli.out(`批次 ID：${roundId}`);
  cli.out(`查看排名：npm run cli -- rank --round ${roundId.slice(0, 8)}`);
}

export async function rank(cli: Cli, roundArg: string, memberName: string | undefined): Promise<void> {
  const roundId = await resolveRound(cli, roundArg);
  const who = await viewer(cli, roundId, memberName);
  const results = await call(cli, 'ranking.results', { roundId, viewerMemberId: who?.id ?? null });
  const round = await call(cli, 'rounds.get', { id: roundId });
  const applications = await call(cli, 'applications.list', { roundId });
  const regionIdsOf = new Map(applications.map((a) => [a.id, a.regionIds]));
  for (const line of rankingText(results, round, regionIdsOf, who?.name ?? null)) cli.out(line);
}

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

/**
 * Without --out the file lands in the current directory under a name built from the round name, which
 * anyone who can edit a round controls: "../../x" or "/etc/x" must not choose where we write. One safe
 * file name (no separators, "..", control characters or Windows device names; length-limited), and it
 * always ends in the format's extension.
 */
export function defaultExportName(suggested: string, format: (typeof EXPORT_FORMATS)[number]): string {
  const ext = `.${format}`;
  const name = safeFileName(suggested, `入选名单${ext}`);
  return name.toLowerCase().endsWith(ext) ? name : safeFileName(`${name}${ext}`, `入选名单${ext}`);
}

export async function exportList(cli: Cli, roundArg: string, format: (typeof EXPORT_FORMATS)[number], out: string | undefined, memberName: string | undefined): Promise<void> {
  const roundId = await resolveRound(cli, roundArg);
  const who = await viewer(cli, roundId, memberName);
  const file = await call(cli, 'ranking.export', { roundId, viewerMemberId: who?.id ?? null, format });
  const target = path.resolve(out ?? defaultExportName(file.fileName, format));
  const bytes = Buffer.from(file.dataBase64, 'base64');
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  } catch (error) {
    throw new CliFailure(`无法写入 ${target}（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  cli.out(`已导出入选名单：${target}（${bytes.length} 字节）`);
}
