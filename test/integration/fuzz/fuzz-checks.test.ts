// The fuzzer's checks must be able to fail: a handler that crashes, one that half-writes before refusing,
// one that is slow and one that answers an untyped error are each reported with the input that did it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../../electron/backend/handlers';
import { AppError } from '../../../electron/backend/app-error';
import type { HandlerTable } from '../../../electron/backend/handler-types';
import { createTestContext, tempDir } from '../../support/service-context';
import { fuzzApi } from '../../support/fuzz/fuzz-api';
import { arbitraryOf, HOSTILE_STRINGS } from '../../support/fuzz/zod-arbitrary';
import { applyMutation } from '../../support/fuzz/mutate';

describe('API fuzz checks', () => {
  it('report a crash (INTERNAL), a half-write before a refusal, a slow call and an untyped error', async () => {
    const ctx = await createTestContext();
    let verifyCalls = 0;
    const broken = {
      ...handlers,
      'session.get': () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
      'dossiers.exportXlsx': () => {
        ctx.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('半写', ?)").run(String(Math.random()));
        throw new AppError('CONFLICT', '已被他人修改');
      },
      'history.verify': () => {
        // Slow twice (burning CPU, as a runaway loop would; one slow answer passes as a warm-up), then fast.
        const start = process.cpuUsage();
        const spend = ++verifyCalls <= 2 ? 1_100_000 : 0;
        for (let used = 0; used < spend; ) {
          const d = process.cpuUsage(start);
          used = d.user + d.system;
        }
        return { ok: true };
      },
      'backup.list': () => {
        throw new AppError('NOT_FOUND', 'not found');
      },
    } as unknown as HandlerTable;
    const { findings } = await fuzzApi(broken, ctx, { runsPerCall: 30, seed: 1, scratchDir: tempDir(), calls: ['session.get', 'dossiers.exportXlsx', 'history.verify', 'backup.list'] });
    const problems = (call: string) => new Set(findings.filter((f) => f.call === call).map((f) => f.problem));
    expect(problems('session.get')).toContain('internal');
    expect(problems('dossiers.exportXlsx')).toContain('dbChanged');
    expect(problems('history.verify')).toContain('slow');
    expect(problems('backup.list')).toContain('untypedError');
    expect(findings.every((f) => f.input.length > 0)).toBe(true);
  });

  it('generate values the schema accepts, for every kind the contract uses', () => {
    const schema = z
      .object({
        name: z.string().min(1).max(10),
        code: z.string().regex(/^[A-Z]{3}-\d{2}$/),
        n: z.number().int().min(1).max(5),
        x: z.number().positive().max(1),
        flag: z.boolean(),
        kind: z.enum(['a', 'b']),
        lit: z.literal('固定'),
        list: z.array(z.enum(['p', 'q'])).min(1).max(3),
        maybe: z.string().max(3).optional(),
        nothing: z.number().int().nullable(),
        withDefault: z.boolean().default(false),
        either: z.union([z.literal(1), z.object({ y: z.boolean() }).strict()]),
        map: z.partialRecord(z.enum(['k1', 'k2']), z.number().int().min(0).max(9)),
        piped: z.string().max(4).transform((s) => s.length),
      })
      .strict();
    const hostile = new Set(HOSTILE_STRINGS);
    const values = fc.sample(arbitraryOf(schema, { pools: { uuids: [], intIds: [], byColumn: {} }, hostile: true }), { numRuns: 300, seed: 3 });
    // Hostile strings and numbers are mixed in on purpose; apart from those, every value must parse.
    const clean = values.filter((v) => !JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && hostile.has(x) ? '☠' : typeof x === 'number' && !Number.isInteger(x) && x > 1 ? '☠' : x)).includes('☠'));
    const accepted = clean.filter((v) => schema.safeParse(v).success);
    expect(clean.length).toBeGreaterThan(20);
    expect(accepted.length / clean.length).toBeGreaterThan(0.5);
  });

  it('mutations break exactly one place and never the original', () => {
    const original = { a: { b: [1, 2] }, c: 'x' };
    expect(applyMutation(original, 0, { kind: 'replace', value: null })).toBeNull();
    expect(applyMutation(original, 3, { kind: 'replace', value: '\u202e' })).toEqual({ a: { b: ['\u202e', 2] }, c: 'x' });
    expect(applyMutation(original, 5, { kind: 'dropKey' })).toEqual({ a: { b: [1, 2] } });
    expect(applyMutation(original, 0, { kind: 'extraKey' })).toMatchObject({ 多余字段: 1 });
    expect(original).toEqual({ a: { b: [1, 2] }, c: 'x' });
  });
});
