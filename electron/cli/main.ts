// 评审台命令行 / Review Desk command line, for scripted use by platform staff (docs/cli.md).
// Opens the database in-process (no worker: one command, one connection, then exit) and goes through
// dispatch() like the app, so validation, rules and history are the app's own.
// Exit codes: 0 ok, 1 validation or domain error (zh-CN message on stderr), 2 usage error (usage on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { defaultDataDir } from '../data-dir';
import { getSetting, SETTING_USER, type ServiceContext } from '../services/context';
import { verifyHistoryCommand } from './verify';
import { exportPackageCommand, importSheetsCommand, verifyFileCommand } from './exchange-commands';
import { CliFailure, EXPORT_FORMATS, UsageError, exportList, importDossiers, importScores, listRounds, loadDemo, rank, type Cli } from './commands';
import { terminalSafe } from './format';
import { cleanText, textProblem } from '../../shared/common/validation';

/** The same file the data worker opens (backend/data-worker.ts). */
const DB_FILE = 'review-desk.sqlite';

export const USAGE = `评审台命令行 / Review Desk command line

用法 / usage:  npm run cli -- <命令> [选项]

命令 / commands:
  rounds                                   列出评审批次及其 ID
  load-demo                                加载示例批次（安心鉴鉴定机构，8 个区域，60 份申请，7 位委员）
  import-dossiers <文件>                   导入申请机构档案（XLSX/CSV）：先预览并列出有错误的行
  import-scores --round <ID> <文件>        导入委员评分（格式见 docs/score-import.md）：先预览
  rank --round <ID>                        按区域显示排名与入选结果
  verify                                   核验修改记录的校验链，显示链首指纹（与纸面上的指纹对照）
  export --round <ID> --format <json|csv|xlsx> [--out <文件>]
                                           导出入选名单（不写 --out 时存到当前目录，文件名由批次名称生成）
  export-package --round <ID> --member <姓名|ID> [--no-attachments] [--out <文件>]
                                           导出发给一位委员的签名评审包（docs/exchange.md）
  import-sheets <文件…>                    导入委员的签名评分表：逐个报告接受（第几版）或拒绝原因；有拒绝时退出码 1
  verify-file <文件>                       核验交换文件：类型、签名者指纹、签名是否有效（不需要数据库）

选项 / options:
  --data <目录>        数据目录（默认：${defaultDataDir()}）
  --user <姓名>        写入时记录在修改历史中的操作人（数据库中尚无用户名时，写入命令必填）
  --yes                确认导入（不加则只预览，不写入）
  --skip-invalid       文件有错误时仍导入其中的有效行
  --member <姓名>      以哪位委员的视角查看未定稿批次的排名（默认：组长；需已提交评分表）
  --help               显示本说明

批次 ID 可以只写开头几位（rounds 命令中显示的前缀），只要不与其他批次重复。
退出码 / exit codes: 0 成功，1 数据或规则错误，2 命令用法错误。`;

const OPTIONS = {
  data: { type: 'string' },
  user: { type: 'string' },
  round: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  member: { type: 'string' },
  'no-attachments': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Commands that write need an actor for the history; the others open an existing database read-only in spirit. */
const COMMANDS = { rounds: { args: 0, writes: false }, 'load-demo': { args: 0, writes: true }, 'import-dossiers': { args: 1, writes: true }, 'import-scores': { args: 1, writes: true }, rank: { args: 0, writes: false }, verify: { args: 0, writes: false }, export: { args: 0, writes: false }, 'export-package': { args: 0, writes: true }, 'import-sheets': { args: -1, writes: true }, 'verify-file': { args: 1, writes: false } } as const;
type Command = keyof typeof COMMANDS;

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`命令行有误：${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || command === 'help') return { help: true as const };
  if (!command) throw new UsageError('缺少命令。');
  if (!(command in COMMANDS)) throw new UsageError(`未知命令“${command}”。`);
  const spec = COMMANDS[command as Command];
  if (spec.args === -1 && args.length === 0) throw new UsageError(`命令 ${command} 需要至少一个文件参数。`);
  if (spec.args !== -1 && args.length !== spec.args) throw new UsageError(spec.args === 0 ? `命令 ${command} 不接受参数“${args.join(' ')}”。` : `命令 ${command} 需要一个文件参数。`);
  if (command === 'export-package' && !values.member) throw new UsageError('命令 export-package 需要 --member <姓名或委员ID>。');
  if ((command === 'import-scores' || command === 'rank' || command === 'export' || command === 'export-package') && !values.round) throw new UsageError(`命令 ${command} 需要 --round <批次ID>。`);
  if (command === 'export' && !EXPORT_FORMATS.includes(values.format as (typeof EXPORT_FORMATS)[number])) throw new UsageError('export 需要 --format json、csv 或 xlsx。');
  // The name is recorded in the history as the actor: the same text rule as session.setUser's.
  const user = values.user === undefined ? undefined : cleanText(values.user);
  if (values.user !== undefined && (!user || user.length > 40)) throw new UsageError('--user 需要 1 到 40 个字的姓名。');
  if (user && textProblem(user)) throw new UsageError('--user 的姓名含有控制字符、改变文字方向的字符或无法识别的字符。');
  return { help: false as const, command: command as Command, args, values: { ...values, user } };
}

async function run(argv: string[], out: (line?: string) => void): Promise<number> {
  const parsed = parse(argv);
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  const { command, args, values } = parsed;
  if (command === 'verify-file') {
    verifyFileCommand(out, args[0]!);
    return 0;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const file = path.join(dataDir, DB_FILE);
  // Reading from a directory that has no database is a typo in --data, not a reason to create one there.
  if (!COMMANDS[command].writes && !fs.existsSync(file)) throw new CliFailure(`数据目录中没有评审台数据库：${dataDir}`);
  const { db } = await openDatabase(file);
  try {
    if (COMMANDS[command].writes && !values.user && !getSetting(db, SETTING_USER)) throw new UsageError(`命令 ${command} 会写入数据，需要 --user <姓名>（记录在修改历史中）。`);
    // No desktop shell here: the electron-only calls are unavailable, exactly as in browser mode.
    const ctx: ServiceContext = { db, dataDir, now: () => new Date(), transport: 'browser', progress: () => {}, ...(values.user ? { actor: values.user } : {}) };
    const cli: Cli = { ctx, out };
    const flags = { yes: values.yes, skipInvalid: values['skip-invalid'] };
    if (command === 'rounds') await listRounds(cli);
    else if (command === 'load-demo') await loadDemo(cli);
    else if (command === 'import-dossiers') await importDossiers(cli, args[0]!, flags);
    else if (command === 'import-scores') await importScores(cli, values.round!, args[0]!, flags);
    else if (command === 'rank') await rank(cli, values.round!, values.member);
    else if (command === 'verify') await verifyHistoryCommand(cli);
    else if (command === 'export-package') await exportPackageCommand(cli, values.round!, values.member!, !values['no-attachments'], values.out);
    else if (command === 'import-sheets') await importSheetsCommand(cli, args);
    else await exportList(cli, values.round!, values.format as (typeof EXPORT_FORMATS)[number], values.out, values.member);
    return 0;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  // Every printed line goes through terminalSafe: stored text may hold ESC and bidi characters (old databases).
  const out = (line = '') => void process.stdout.write(terminalSafe(line) + '\n');
  try {
    process.exitCode = await run(process.argv.slice(2), out);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      // CliFailure and AppError (e.g. a database from a newer version) carry a message for the user.
      const message = error instanceof Error && (error instanceof CliFailure || error.name === 'AppError') ? error.message : `内部错误：${String(error)}`;
      process.stderr.write(`错误：${terminalSafe(message)}\n`);
      process.exitCode = 1;
    }
  }
}

void main();
