// Issue 11: loading the demo reports progress under the caller's job id — one step per applicant filed and
// per member's sheet scored, rising to done = total — and reports nothing without a job id.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call } from '../../support/call';

describe('demo.load progress', () => {
  it('rises step by step to done = total under the job id', async () => {
    const ctx = await createTestContext({ start: '2026-11-23T09:00:00.000Z' });
    await call(ctx, 'demo.load', { jobId: 'demo-job-0001' });
    const log = ctx.progressLog.filter((p) => p.jobId === 'demo-job-0001');
    expect(log.length).toBeGreaterThan(10);
    const total = log[0]!.total;
    const members = (await call(ctx, 'members.list', { roundId: (await call(ctx, 'rounds.list', {}))[0]!.id })).length;
    // 60 applicants (demo-round.test.ts) + the committee's sheets.
    expect(total).toBe(60 + members);
    expect(log.every((p) => p.total === total)).toBe(true);
    expect(log.map((p) => p.done)).toEqual([...log.map((p) => p.done)].sort((a, b) => a - b));
    expect(log.at(-1)!.done).toBe(total);
  });

  it('reports nothing without a job id', async () => {
    const ctx = await createTestContext({ start: '2026-11-23T09:00:00.000Z' });
    await call(ctx, 'demo.load', {});
    expect(ctx.progressLog).toEqual([]);
  });
});
