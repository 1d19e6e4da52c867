// The exchange commands on the built command line (dist/electron/cli.cjs), against a chair data directory
// set up through the services and a member laptop in another directory: export-package writes a package the
// member imports; import-sheets reports each file (accepted version / refused with the reason) and exits 1
// when any is refused; verify-file names kind and signer and refuses a changed byte.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tempDir } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

const CLI = path.resolve('dist/electron/cli.cjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/cli.mjs', '--help'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('cli exchange commands', () => {
  it('exports a package, imports sheets file by file and verifies files', async () => {
    const chairDir = tempDir();
    const chair = await createTestContext({ user: '赵组长', dataDir: chairDir });
    const { round, hangzhou } = await setUpRound(chair, { priceMode: 'lowestPrice' });
    await addApplicant(chair, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    await addApplicant(chair, round.id, 2, '杭州市', [hangzhou.id], 38_000);
    const qian = await ok(chair, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const member = await createTestContext({ user: '钱委员' });
    const card = await ok(member, 'exchange.identityCard', { name: '钱委员' });
    await ok(chair, 'exchange.registerMemberKey', { memberId: qian.id, cardBase64: card.dataBase64, confirmedFingerprint: (await ok(member, 'exchange.identity', {})).fingerprint });
    const chairFingerprint = (await ok(chair, 'exchange.identity', {})).fingerprint;
    chair.db.close();

    const out = tempDir();
    const pkgFile = path.join(out, '钱委员.rdpkg');
    expect(cli('--data', chairDir, 'export-package', '--round', round.id.slice(0, 8), '--out', pkgFile)).toMatchObject({ status: 2, stderr: expect.stringContaining('--member') });
    expect(cli('--data', chairDir, '--user', '赵组长', 'export-package', '--round', round.id.slice(0, 8), '--member', '李委员', '--out', pkgFile)).toMatchObject({ status: 1, stderr: expect.stringContaining('没有委员“李委员”') });
    const exported = cli('--data', chairDir, '--user', '赵组长', 'export-package', '--round', round.id.slice(0, 8), '--member', '钱委员', '--no-attachments', '--out', pkgFile);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('不含附件');

    const verified = cli('verify-file', pkgFile);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('类型：评审包');
    expect(verified.stdout).toContain(`签名者指纹：${chairFingerprint}`);

    // The member imports the CLI's package, scores and sends the sheet back.
    await ok(member, 'exchange.importPackage', { dataBase64: fs.readFileSync(pkgFile).toString('base64'), trustChair: true });
    const sheet = await ok(member, 'scores.sheet', { memberId: qian.id });
    for (const applicationId of sheet.applicationIds) for (const criterion of sheet.criteria) await ok(member, 'scores.set', { memberId: qian.id, applicationId, criterion, value: 88, comment: '' });
    await ok(member, 'scores.submit', { memberId: qian.id });
    const good = path.join(out, 'good.rdsheet');
    fs.writeFileSync(good, Buffer.from((await ok(member, 'exchange.exportSheet', { roundId: round.id, reason: null })).dataBase64, 'base64'));
    const bad = path.join(out, 'bad.rdsheet');
    const changed = fs.readFileSync(good);
    changed[60] = changed[60]! ^ 1;
    fs.writeFileSync(bad, changed);

    const imported = cli('--data', chairDir, '--user', '赵组长', 'import-sheets', good, bad);
    expect(imported.status).toBe(1);
    expect(imported.stdout).toContain('good.rdsheet：已接受，委员 钱委员 第 1 版（6 格）');
    expect(imported.stdout).toMatch(/bad\.rdsheet：已拒绝：.*未写入任何数据/);
    expect(imported.stderr).toContain('2 个文件中有 1 个被拒绝');
    // Replaying the accepted file is refused too.
    expect(cli('--data', chairDir, '--user', '赵组长', 'import-sheets', good)).toMatchObject({ status: 1, stdout: expect.stringContaining('已经导入过') });
    expect(cli('--data', chairDir, '--user', '赵组长', 'import-sheets')).toMatchObject({ status: 2 });

    expect(cli('verify-file', good)).toMatchObject({ status: 0, stdout: expect.stringContaining('类型：评分表') });
    expect(cli('verify-file', bad)).toMatchObject({ status: 1, stderr: expect.stringContaining('签名无效') });
    const stray = path.join(out, 'x.txt');
    fs.writeFileSync(stray, 'hello');
    expect(cli('verify-file', stray)).toMatchObject({ status: 1, stderr: expect.stringContaining('不是评审台的交换文件') });
  }, 120_000);
});
