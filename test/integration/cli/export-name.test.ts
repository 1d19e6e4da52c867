// `export` without --out names the file after the round, and the round name is anyone's text: the built
// CLI, run in a scratch directory, must write exactly one file there whatever the name says.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tempDir } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { MAX_FILE_NAME_BYTES } from '../../../electron/shell/safe-file-name';
import { defaultExportName } from '../../../electron/cli/commands';

const CLI = path.resolve('dist/electron/cli.cjs');

beforeAll(() => {
  // scripts/cli.mjs rebuilds the bundle when a source is newer, so the test never runs a stale CLI.
  const build = spawnSync(process.execPath, ['scripts/cli.mjs', '--help'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

/** Every file under `dir`, relative, so a write anywhere inside it shows up. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('export without --out', () => {
  it('writes one safely named file in the current directory for hostile round names', async () => {
    const sandbox = tempDir();
    const data = path.join(sandbox, 'data');
    fs.mkdirSync(data);
    const ctx = await createTestContext({ dataDir: data });
    // An open round: a finalized one exports the name it had when finalized, and names change while open.
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId: app.id, criterion, value: 90, comment: '' });
    await ok(ctx, 'scores.submit', { memberId: chair.id });
    ctx.db.close();
    const before = filesUnder(sandbox);
    const hostile = [
      '../../x',
      '../escaped',
      '/tmp/absolute',
      'C:\\Windows\\Temp\\x',
      'CON',
      'nul',
      'a\u0000b\nc\u202Ed',
      '..',
      `${'很长的批次名称'.repeat(40)}`,
    ];
    for (const [i, name] of hostile.entries()) {
      const cwd = path.join(sandbox, 'work', String(i), 'cwd');
      fs.mkdirSync(cwd, { recursive: true });
      const db = new Database(path.join(data, 'review-desk.sqlite'));
      db.prepare('UPDATE rounds SET name = ? WHERE id = ?').run(name, round.id);
      db.close();
      const run = spawnSync(process.execPath, [CLI, '--data', data, 'export', '--round', round.id, '--format', 'csv'], { cwd, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, `${JSON.stringify(name)}: ${run.stderr}`).toBe(0);
      const written = fs.readdirSync(cwd);
      expect(written, JSON.stringify(name)).toHaveLength(1);
      const file = written[0]!;
      expect(file.endsWith('.csv')).toBe(true);
      expect(Buffer.byteLength(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(file).not.toMatch(/[/\\\u0000-\u001f\u202e]|^\.|\.\./);
      expect(file.split('.')[0]!.trim()).not.toMatch(/^(con|nul)$/i);
      expect(run.stdout).toContain(path.join(cwd, file));
      expect(fs.readFileSync(path.join(cwd, file), 'utf8').startsWith('\uFEFF区域,名次,')).toBe(true);
      if (/[\p{L}\p{N}]/u.test(name) && name.length < 50) expect(file).toMatch(/-入选名单-\d{4}-\d\d-\d\d\.csv$/);
    }
    // Nothing was written anywhere else in the sandbox (../../x from cwd would land in work/<i>/).
    const after = filesUnder(sandbox).filter((f) => !before.includes(f) && !f.startsWith(path.join('data', '')));
    expect(after.every((f) => /^work\/\d+\/cwd\/[^/]+$/.test(f.split(path.sep).join('/')))).toBe(true);
    expect(after).toHaveLength(hostile.length);
    expect(fs.existsSync('/tmp/absolute-入选名单-2026-11-23.csv')).toBe(false);
  });

  it('keeps the round name readable and always ends in the format', () => {
    expect(defaultExportName('2026年第四季度评审-入选名单-2026-11-23.xlsx', 'xlsx')).toBe('2026年第四季度评审-入选名单-2026-11-23.xlsx');
    expect(defaultExportName('../../x-入选名单-2026-11-23.json', 'json')).toBe('_._x-入选名单-2026-11-23.json');
    expect(defaultExportName('CON', 'csv')).toBe('_CON.csv');
    expect(defaultExportName('..', 'csv')).toBe('入选名单.csv');
  });
});
