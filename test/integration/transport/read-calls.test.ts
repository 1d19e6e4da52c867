// The calls routed to the reader worker (electron/backend/read-calls.ts) really only read: each one, with
// inputs that name real records (the fuzz fixtures and the seeded demo's ids), answers on a read-only
// connection to the same file exactly as on the writer — no SQLITE_READONLY refusal that would send it back
// to the writer. And the safety net works: a write sent to the reader is refused before anything changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { READ_CALLS } from '../../../electron/backend/read-calls';
import { readOnlyTable } from '../../../electron/backend/reader-worker';
import { openReadConnection } from '../../../electron/db/connection-read';
import { contract } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { createTestContext, tempDir } from '../../support/service-context';
import { ok } from '../../support/round-fixture';
import { contentDigest, poolsOf } from '../../support/fuzz/fuzz-api';
import { arbitraryOf } from '../../support/fuzz/zod-arbitrary';
import { SEEDS } from '../../support/fuzz/seeds';
import { dossierInput } from '../../support/dossiers';

describe('read calls', () => {
  it('every call routed to the reader answers on a read-only connection as on the writer', async () => {
    const ctx = await createTestContext();
    await ok(ctx, 'demo.load', {});
    const inputs = new Map<string, unknown[]>();
    for (const name of READ_CALLS) inputs.set(name, (await SEEDS[name]?.(ctx)) ?? []);
    const pools = poolsOf(ctx.db);
    for (const name of READ_CALLS) {
      const idPool = pools.byColumn[`${name.split('.')[0]!.replace(/s$/, '')}_id`]; // rounds.get's id is a round's
      const generated = fc.sample(arbitraryOf(contract[name].input as z.ZodType, { pools, hostile: false, idPool }), { numRuns: 25, seed: 9 });
      inputs.get(name)!.push(...generated);
    }
    const readDb = openReadConnection(ctx.db.name);
    const reader = { ...ctx, db: readDb };
    let refusals = 0;
    const table = readOnlyTable(() => refusals++);
    const answered = new Set<string>();
    const mismatches: string[] = [];
    // An XLSX is a zip whose entries carry the time they were written: compared by everything but the bytes.
    const normal = (r: Result<unknown>) => JSON.stringify(r, (key, v: unknown) => (key === 'dataBase64' && typeof v === 'string' && v.startsWith('UEsDB') ? 'xlsx' : v));
    for (const name of READ_CALLS) {
      for (const input of inputs.get(name)!) {
        const onWriter = await dispatch(handlers, ctx, name, input);
        if (!onWriter.ok) continue;
        answered.add(name);
        const onReader = await dispatch(table, reader, name, input);
        if (normal(onReader) !== normal(onWriter)) mismatches.push(`${name}: ${normal(onReader).slice(0, 200)}`);
        break;
      }
    }
    readDb.close();
    expect(refusals).toBe(0);
    expect(mismatches).toEqual([]);
    expect([...READ_CALLS].filter((name) => !answered.has(name))).toEqual([]);
  }, 600_000);

  it('a write sent to the reader is refused by SQLite before anything changes, and flagged for the writer', async () => {
    const ctx = await createTestContext({ dataDir: tempDir() });
    const before = contentDigest(ctx.db);
    const readDb = openReadConnection(ctx.db.name);
    let refusals = 0;
    const result = await dispatch(readOnlyTable(() => refusals++), { ...ctx, db: readDb }, 'dossiers.create', dossierInput());
    readDb.close();
    expect(result.ok).toBe(false);
    expect(refusals).toBe(1);
    expect(contentDigest(ctx.db)).toBe(before);
  });
});
