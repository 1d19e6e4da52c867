// Issue 9 "demo.load race creates two demo rounds (check outside the transaction)": two connections to the
// same file (the desktop app and the command line) both loading the demo. The check now runs under the write
// lock, so whichever commits second is refused. The race is made deterministic with the injected clock:
// loading reads the clock once before its transaction, and the test lets the other connection load the
// demo at exactly that moment — after the first one's old, outside check had passed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { setSetting, SETTING_USER, type ServiceContext } from '../../../electron/services/context';
import { loadDemoRound } from '../../../electron/services/demo/demo-round';
import { tempDir } from '../../support/service-context';

const NOW = new Date('2026-03-02T02:00:00.000Z');

async function connection(file: string, now: () => Date): Promise<ServiceContext> {
  const { db } = await openDatabase(file);
  return { db, dataDir: path.dirname(file), transport: 'browser', now, progress: () => {} };
}

const demoRounds = (ctx: ServiceContext) => (ctx.db.prepare("SELECT count(*) AS n FROM rounds WHERE name LIKE '%安心鉴鉴定机构招募评审'").get() as { n: number }).n;

describe('demo.load from two connections', () => {
  it('one demo round when the other connection loads it between the first one\'s start and its transaction', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const cli = await connection(file, () => NOW);
    setSetting(cli.db, SETTING_USER, '命令行');
    let raced = false;
    const app = await connection(file, () => {
      // The first clock reading of the app's load: the command line loads the demo right now.
      if (!raced) {
        raced = true;
        loadDemoRound(cli);
      }
      return NOW;
    });
    const result = await dispatch(handlers, app, 'demo.load', {});
    expect(raced).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经加载过') } });
    expect(demoRounds(app)).toBe(1);
    expect(demoRounds(cli)).toBe(1);
    // The refused load left nothing behind: one program, one round.
    expect(app.db.prepare('SELECT count(*) AS n FROM programs').get()).toEqual({ n: 1 });
  });

  it('two loads started together through dispatch: exactly one succeeds', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const a = await connection(file, () => NOW);
    const b = await connection(file, () => NOW);
    setSetting(a.db, SETTING_USER, '王评审');
    const results = await Promise.all([dispatch(handlers, a, 'demo.load', {}), dispatch(handlers, b, 'demo.load', {})]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(demoRounds(a)).toBe(1);
  });
});
