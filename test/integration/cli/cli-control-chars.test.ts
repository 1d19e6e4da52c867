// `rank` prints stored names; one stored by an older version with ESC or an RTL override must reach the
// terminal escaped (issue 9: ESC reached the terminal via CLI rank).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/service-context';

const CLI = path.resolve('dist/electron/cli.cjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/cli.mjs', '--help'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('command line output', () => {
  it('escapes control and bidi characters held in the database', () => {
    const data = tempDir();
    const loaded = cli('--data', data, '--user', '平台运营 李娜', 'load-demo');
    expect(loaded.status, loaded.stderr).toBe(0);
    const roundId = /批次 ID：([0-9a-f-]{36})/.exec(loaded.stdout)![1]!;
    const db = new Database(path.join(data, 'review-desk.sqlite'));
    try {
      // As an older version could have stored them: straight into the tables, past today's text rule.
      db.prepare("UPDATE dossiers SET legal_name = '恶意\u001B]0;pwned\u0007\u001B[2J公司\u202E' WHERE id = (SELECT min(id) FROM dossiers)").run();
      db.prepare("UPDATE rounds SET name = '批次\u001B[31m红\u202E' WHERE id = ?").run(roundId);
    } finally {
      db.close();
    }
    const ranked = cli('--data', data, 'rank', '--round', roundId);
    expect(ranked.status, ranked.stderr).toBe(0);
    expect(ranked.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(ranked.stdout).toContain('批次\\u001B[31m红\\u202E');
    const rounds = cli('--data', data, 'rounds');
    expect(rounds.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  it('refuses a --user name with control or bidi characters (it is recorded as the actor)', () => {
    const data = tempDir();
    const run = cli('--data', data, '--user', '李\u202E娜', 'load-demo');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--user 的姓名含有控制字符');
  });
});
