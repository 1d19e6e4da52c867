// The crash harness's child process (bundled with esbuild by harness.ts, run with the Node that runs the
// tests): starts the real data-worker bundle on a data directory, as Electron main and browser mode do, and
// writes until it is killed. Every write the worker acknowledges is printed as one JSON line on stdout
// *after* the worker answered — so a printed line is a promise the database must keep. Imports print a
// "begin" line before the commit (they may then be killed half way: the DB must hold all rows or none).
// Linux pipes are written synchronously, so a line printed before SIGKILL is in the pipe for the parent.
//
// argv: <data-worker.cjs> <dataDir> <plan.json> <seed> <run index>
import fs from 'node:fs';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';
import { syntheticCreditCode } from '../credit-codes';
import { dossierInput } from '../dossiers';
import { LETTER_FIELDS, rng, type Ack, type CrashPlan } from './protocol';

const [workerFile, dataDir, planFile, seedText, runText] = process.argv.slice(2) as [string, string, string, string, string];
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as CrashPlan;
const run = Number(runText);
const random = rng(Number(seedText) * 7919 + run);
const emit = (line: Ack) => process.stdout.write(JSON.stringify(line) + '\n');
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
// Unique per run and step, so every write is identifiable afterwards: credit codes, score comments.
let step = 0;
const nextSerial = () => run * 100_000 + ++step;

// The dossier import's zh-CN headers and one valid row (as test/support/import-files.ts, which pulls in
// ExcelJS: too slow to load in a process started a hundred times).
const HEADERS = ['机构名称', '统一社会信用代码', '法定代表人', '省份', '城市', '注册资本（万元）', '成立日期', '纳税人类型', '企业实名认证', '店铺账号', '已缴保证金（元）', '服务报价（元）', '联系人', '联系电话', '联系邮箱'];
const importRow = (code: string) => [`导入机构${code.slice(8, 17)}`, code, '陈明', '浙江省', '杭州市', '500', '2018-06-01', '一般纳税人', '是', '否', '100000', '38000', '李娜', '13800138000', 'lina@example.com'];
const toCsv = (rows: string[][]) => rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const utf8WithBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

async function call(worker: DataWorker, name: string, input: unknown): Promise<unknown> {
  const result = await worker.invoke(name, input);
  if (!result.ok) {
    emit({ t: 'error', call: name, code: result.error.code, message: result.error.message });
    throw new Error(`${name}: ${result.error.code}`);
  }
  return result.value;
}

async function createDossier(worker: DataWorker): Promise<void> {
  const code = syntheticCreditCode(nextSerial());
  const dossier = (await call(worker, 'dossiers.create', dossierInput({ legalName: `崩溃测试机构${code.slice(8, 17)}`, creditCode: code }))) as { id: number };
  emit({ t: 'dossier', id: dossier.id, code });
}

async function importDossiers(worker: DataWorker): Promise<void> {
  const codes = Array.from({ length: 2 + Math.floor(random() * 40) }, () => syntheticCreditCode(nextSerial()));
  const csv = toCsv([HEADERS, ...codes.map(importRow)]);
  const preview = (await call(worker, 'dossiers.importPreview', { fileName: 'crash.csv', dataBase64: utf8WithBom(csv).toString('base64') })) as { previewId: string };
  const token = `dossiers-${nextSerial()}`;
  emit({ t: 'importBegin', kind: 'dossiers', token, keys: codes });
  await call(worker, 'dossiers.importCommit', { previewId: preview.previewId });
  emit({ t: 'importAck', token });
}

async function setScore(worker: DataWorker): Promise<void> {
  const member = pick(plan.members);
  const app = pick(plan.applications);
  const criterion = pick(plan.criteria);
  const comment = `手工#${nextSerial()}`;
  const value = Math.round(random() * 10_000) / 100;
  await call(worker, 'scores.set', { memberId: member.id, applicationId: app.id, criterion, value, comment });
  emit({ t: 'score', comment });
}

async function importScores(worker: DataWorker): Promise<void> {
  const token = `导入#${nextSerial()}`;
  const member = pick(plan.members);
  const rows = plan.applications.flatMap((app) => plan.criteria.filter(() => random() < 0.7).map((criterion) => [member.name, app.creditCode, '', criterion, String(Math.round(random() * 10_000) / 100), token]));
  if (rows.length === 0) return;
  const csv = toCsv([['委员', '统一社会信用代码', '机构名称', '评分项', '分数', '备注'], ...rows]);
  const preview = (await call(worker, 'scores.importPreview', { roundId: plan.roundId, fileName: 'scores.csv', dataBase64: utf8WithBom(csv).toString('base64') })) as { previewId: string };
  emit({ t: 'importBegin', kind: 'scores', token, keys: rows.map((r) => `${r[1]}/${r[3]}`) });
  await call(worker, 'scores.importCommit', { previewId: preview.previewId });
  emit({ t: 'importAck', token });
}

async function issueLetter(worker: DataWorker): Promise<void> {
  const year = pick([2026, 2027]);
  const kind = pick(['terminationNotice', 'rectificationNotice'] as const);
  const fields = kind === 'rectificationNotice' ? { ...LETTER_FIELDS, deadline: '2026年12月31日' } : LETTER_FIELDS;
  const letter = (await call(worker, 'letters.issue', { kind, dossierId: pick(plan.dossierIds), fields, year })) as { id: string; number: string };
  emit({ t: 'letter', id: letter.id, number: letter.number, year, kind });
}

async function main(): Promise<void> {
  const worker = await startDataWorker(workerFile, { dataDir, transport: 'browser' });
  emit({ t: 'ready' });
  const operations = [createDossier, importDossiers, setScore, setScore, importScores, issueLetter, issueLetter];
  for (;;) await pick(operations)(worker);
}

main().catch((error: unknown) => {
  process.stderr.write(`workload stopped: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
