// The built command line (dist/electron/cli.cjs) run as a child process against a temp data directory,
// as platform staff would script it: exit codes, output, files written, history.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/service-context';
import { toCsv, utf8WithBom } from '../../support/import-files';

const CLI = path.resolve('dist/electron/cli.cjs');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  // scripts/cli.mjs rebuilds the bundle when a source is newer, so the test never runs a stale CLI.
  const build = spawnSync(process.execPath, ['scripts/cli.mjs', '--help'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

const dbRows = (dataDir: string, sql: string) => {
  const db = new Database(path.join(dataDir, 'review-desk.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('command line', () => {
  it('loads the demo, lists rounds, ranks and exports JSON, CSV and XLSX', () => {
    const data = tempDir();
    expect(cli('--data', data, 'load-demo')).toMatchObject({ status: 2, stderr: expect.stringContaining('--user') });

    const loaded = cli('--data', data, '--user', '平台运营 李娜', 'load-demo');
    expect(loaded, loaded.stderr).toMatchObject({ status: 0, stdout: expect.stringContaining('8 个区域，60 份申请，7 位委员') });
    const roundId = /批次 ID：([0-9a-f-]{36})/.exec(loaded.stdout)![1]!;
    // The actor is recorded without becoming the desktop app's user name.
    expect(dbRows(data, "SELECT DISTINCT actor FROM change_log")).toEqual([{ actor: '平台运营 李娜' }]);
    expect(dbRows(data, "SELECT value FROM settings WHERE key = 'local_user_name'")).toEqual([]);

    const rounds = cli('--data', data, 'rounds');
    expect(rounds.status).toBe(0);
    expect(rounds.stdout).toContain(roundId);
    expect(rounds.stdout).toMatch(/安心鉴鉴定机构招募评审\s+淘宝直播 · 淘宝直播「安心鉴」鉴定机构/);

    const ranked = cli('--data', data, 'rank', '--round', roundId.slice(0, 8));
    expect(ranked.status, ranked.stderr).toBe(0);
    for (const region of ['杭州珠宝直播产业带', '深圳水贝珠宝产业带', '诸暨山下湖珍珠产业带', '瑞丽翡翠产业带']) expect(ranked.stdout).toContain(`■ ${region}`);
    expect(ranked.stdout).toContain('以 组长 陈志远 的视角查看');
    expect(ranked.stdout).toMatch(/^\s+1\s+\d+\.\d\d\s+入选\s+\S+有限/m);
    expect(ranked.stdout).toContain('资格审查未通过');
    expect(ranked.stdout).toContain('合计：入选 20 家 / 名额 20 个。');

    const jsonFile = path.join(data, 'out', 'list.json');
    expect(cli('--data', data, 'export', '--round', roundId, '--format', 'json', '--out', jsonFile).status).toBe(0);
    const results = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { roundName: string; allocation: { regions: { quota: number; admitted: string[] }[] } };
    expect(results.roundName).toMatch(/安心鉴鉴定机构招募评审$/);
    expect(results.allocation.regions).toHaveLength(8);
    for (const r of results.allocation.regions) expect(r.admitted.length).toBeLessThanOrEqual(r.quota);

    const csvFile = path.join(data, 'list.csv');
    expect(cli('--data', data, 'export', '--round', roundId, '--format', 'csv', '--out', csvFile)).toMatchObject({ status: 0, stdout: expect.stringContaining('已导出入选名单') });
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF区域,名次,机构名称,统一社会信用代码,综合得分,结果')).toBe(true);
    expect(csv.split('\r\n').filter((line) => line.includes(',入选,'))).toHaveLength(20);

    const xlsxFile = path.join(data, 'list.xlsx');
    expect(cli('--data', data, 'export', '--round', roundId, '--format', 'xlsx', '--out', xlsxFile).status).toBe(0);
    expect(fs.readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');

    const again = cli('--data', data, '--user', '平台运营 李娜', 'load-demo');
    expect(again).toMatchObject({ status: 1, stderr: expect.stringContaining('已经加载过') });
    // The demo's sheets are submitted: an import into them is refused row by row, nothing written.
    const scores = path.join(data, 'scores.csv');
    fs.writeFileSync(scores, utf8WithBom(toCsv([['委员', '统一社会信用代码', '评分项', '分数'], ['陈志远', '91330106MA2H3K7L08', '公司实力', '80']])));
    expect(cli('--data', data, '--user', '李娜', 'import-scores', '--round', roundId, scores)).toMatchObject({ status: 1, stdout: expect.stringContaining('第 2 行【委员】：委员“陈志远”的评分表已提交') });
  });

  it('previews a dossier file, reports bad rows with exit 1, and imports with --yes', () => {
    const data = tempDir();
    const bad = path.join(data, 'bad.csv');
    fs.writeFileSync(bad, utf8WithBom(toCsv([
      ['机构名称', '统一社会信用代码', '法定代表人', '省份', '城市', '注册资本（万元）', '成立日期', '纳税人类型', '企业实名认证', '店铺账号', '已缴保证金（元）'],
      ['杭州安心珠宝检测技术有限公司', '91330106MA2H3K7L08', '陈明', '浙江省', '杭州市', '500', '2018-06-01', '一般纳税人', '是', '否', '100000'],
      ['坏代码有限公司', '91330106MA2H3K7L09', '王五', '浙江省', '杭州市', '500', '2018-06-01', '一般纳税人', '是', '否', '100000'],
    ])));
    const preview = cli('--data', data, '--user', '李娜', 'import-dossiers', bad);
    expect(preview.status).toBe(1);
    expect(preview.stdout).toContain('新建 1，更新 0，无变化 0，有错误 1');
    expect(preview.stdout).toContain('第 3 行【统一社会信用代码】：统一社会信用代码校验位不正确');
    expect(preview.stderr).toContain('未导入任何数据');
    expect(dbRows(data, 'SELECT count(*) AS n FROM dossiers')).toEqual([{ n: 0 }]);

    const good = path.resolve('docs/examples/dossiers-example.csv');
    expect(cli('--data', data, '--user', '李娜', 'import-dossiers', good)).toMatchObject({ status: 0, stdout: expect.stringContaining('这是预览，未写入任何数据') });
    expect(dbRows(data, 'SELECT count(*) AS n FROM dossiers')).toEqual([{ n: 0 }]);
    expect(cli('--data', data, '--user', '李娜', 'import-dossiers', good, '--yes')).toMatchObject({ status: 0, stdout: expect.stringContaining('已导入：新建 4') }); // three organisations and one individual
    // --skip-invalid imports the valid row (an update: this file has fewer columns than the example).
    expect(cli('--data', data, '--user', '李娜', 'import-dossiers', bad, '--yes', '--skip-invalid')).toMatchObject({ status: 0, stdout: expect.stringContaining('已导入：新建 0，更新 1，无变化 0') });
    expect(cli('--data', data, '--user', '李娜', 'import-dossiers', path.join(data, 'missing.csv'))).toMatchObject({ status: 1, stderr: expect.stringContaining('找不到文件') });
  });

  it('answers usage errors with exit 2 and the usage text', () => {
    const data = tempDir();
    for (const args of [[], ['frobnicate'], ['rounds', '--colour'], ['rank'], ['export', '--round', 'abc', '--format', 'pdf'], ['import-dossiers'], ['rounds', 'extra']]) {
      const run = cli('--data', data, ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('用法 / usage');
    }
    expect(cli('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('import-scores --round <ID> <文件>') });
    // Reading needs an existing database: a typo in --data must not create one.
    expect(cli('--data', path.join(data, 'nowhere'), 'rounds')).toMatchObject({ status: 1, stderr: expect.stringContaining('没有评审台数据库') });
    expect(fs.existsSync(path.join(data, 'nowhere'))).toBe(false);
  });
});
