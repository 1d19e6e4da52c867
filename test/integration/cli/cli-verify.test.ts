// `verify` on the built command line: a whole chain verifies and prints the head's fingerprint; after an
// attacker rewrites one row (triggers dropped and put back), it names that row and exits 1.
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

describe('cli verify', () => {
  it('prints the fingerprint of an intact history and names the first rewritten row', () => {
    const data = tempDir();
    expect(cli('--data', data, '--user', '李娜', 'load-demo').status).toBe(0);
    const intact = cli('--data', data, 'verify');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/修改记录完整：\d+ 条/);
    expect(intact.stdout).toMatch(/链首指纹 \/ chain head：[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);

    const db = new Database(path.join(data, 'review-desk.sqlite'));
    db.exec('DROP TRIGGER change_log_no_update');
    db.prepare("UPDATE change_log SET actor = '冒名者' WHERE seq = 2").run();
    db.exec("CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;");
    db.close();
    const broken = cli('--data', data, 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('第 2 条');
  });
});
