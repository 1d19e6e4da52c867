// Issue 9's crash harness at the small count `npm test` can afford: the data worker's process is killed
// (SIGKILL) at random points during dossier and score imports, hand scoring and letter issue; after each kill
// the database must pass every check in test/support/crash/checks.ts. The long run: `npm run crash`.
import { describe, expect, it } from 'vitest';
import { runCrashHarness } from '../../support/crash/harness';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);

describe('crash harness', () => {
  it(`loses no acknowledged write over ${KILLS} kills; imports all-or-nothing, letter numbers never repeat, chain verifies`, async () => {
    const summary = await runCrashHarness({ kills: KILLS, seed: process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : undefined, log: process.env.CRASH_LOG ? console.log : undefined });
    expect(summary.problems).toEqual([]);
    expect(summary.kills).toBe(KILLS);
    // The workload really wrote (a harness that never wrote would prove nothing).
    expect(summary.acks).toBeGreaterThan(KILLS);
    expect(summary.imports.begun).toBeGreaterThan(0);
  }, 120_000);
});
