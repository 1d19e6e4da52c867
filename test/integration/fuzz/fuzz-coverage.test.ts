// Every call of the contract is fuzzed or listed with the reason it is not (issue 9): a call added to
// shared/api/call-names.ts without either fails here. And every fixture (seeds.ts) builds an input its call
// accepts — a fixture that stopped working would silently shrink the fuzz back to refusals only.
import { describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/api/call-names';
import { contract } from '../../../shared/api/contract';
import { handlers } from '../../../electron/backend/handlers';
import { NEVER_ACCEPTED, NOT_FUZZED } from '../../support/fuzz/coverage';
import { fuzzApi, workerCalls } from '../../support/fuzz/fuzz-api';
import { SEEDS, seededCalls } from '../../support/fuzz/seeds';
import { createTestContext, tempDir } from '../../support/service-context';
import { ok } from '../../support/round-fixture';

describe('API fuzz coverage', () => {
  it('every call is fuzzed (a worker call) or excluded with a reason; no stale entries', () => {
    const fuzzed = new Set(workerCalls());
    const unaccounted = callNames.filter((name) => !fuzzed.has(name) && !NOT_FUZZED[name]);
    expect(unaccounted).toEqual([]);
    // Exclusions are only for what the fuzzer cannot send through dispatch, and each names its reason.
    for (const [name, reason] of Object.entries(NOT_FUZZED)) {
      expect(callNames as readonly string[]).toContain(name);
      expect(contract[name as keyof typeof contract].where).not.toBe('worker');
      expect(reason.length).toBeGreaterThan(20);
    }
    for (const [name, reason] of Object.entries(NEVER_ACCEPTED)) {
      expect(fuzzed.has(name as never)).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
      expect(SEEDS[name as keyof typeof SEEDS]).toBeUndefined();
    }
    for (const name of seededCalls()) expect(fuzzed.has(name)).toBe(true);
  });

  it('every fixture builds an input its call accepts', async () => {
    const ctx = await createTestContext();
    await ok(ctx, 'demo.load', {});
    const { findings, succeeded } = await fuzzApi(handlers, ctx, { runsPerCall: 0, seed: 1, scratchDir: tempDir('review-desk-fuzz-'), seeds: SEEDS, calls: seededCalls() });
    expect(findings.map((f) => `${f.call}: ${f.problem} ${f.detail}`)).toEqual([]);
    expect(seededCalls().filter((name) => !succeeded.has(name))).toEqual([]);
  }, 600_000);
});
