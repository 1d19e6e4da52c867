// Ranking at platform scale: 20,000 applications in 50 regions, 20 members × 3 scored criteria = 1.2 M
// scores, price computed lowest-first. Reported as a ratio to a floor measured in the same run: one pass
// that groups the same scores by application and averages them (the least any ranking must do).
import { performance } from 'node:perf_hooks';
import { rankRound } from '../../shared/ranking/rank-round';
import { allocate } from '../../shared/ranking/allocate';
import { explain } from '../../shared/ranking/explain';
import type { RoundInput } from '../../shared/ranking/types';

const REGIONS = 50;
const APPLICATIONS = 20_000;
const MEMBERS = 20;
const CRITERIA = ['strength', 'technical', 'reputation'];

function input(): RoundInput {
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const regions = Array.from({ length: REGIONS }, (_, i) => ({ regionId: `r${i}`, quota: 20, waitlistLength: 5 }));
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => {
    const first = `r${i % REGIONS}`;
    const second = `r${(i * 7 + 3) % REGIONS}`;
    const choices = first === second ? [first] : [first, second];
    return { applicationId: `a${i}`, applicantId: `d${i}`, priceQuote: 20_000 + Math.round(rnd() * 40_000), eligible: true, regions: choices.map((regionId, p) => ({ regionId, preference: p + 1 })) };
  });
  const scores: RoundInput['scores'][number][] = [];
  for (const a of applications) for (let m = 0; m < MEMBERS; m++) for (const criterion of CRITERIA) scores.push({ applicationId: a.applicationId, memberId: `m${m}`, criterion, value: Math.round(rnd() * 10_000) / 100 });
  return { applications, regions, scores, recusals: [] };
}

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

const data = input();
const [floor] = time(() => {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of data.scores) {
    const key = `${s.applicationId}|${s.criterion}`;
    const e = sums.get(key) ?? { sum: 0, n: 0 };
    e.sum += s.value;
    e.n++;
    sums.set(key, e);
  }
  return sums.size;
});
const [rankMs, ranking] = time(() => rankRound(data, { priceMode: 'lowestPrice' }));
const [allocMs, allocation] = time(() => allocate(ranking));
const [explainMs] = time(() => explain(ranking, allocation));
const [capMs] = time(() => allocate(rankRound(data, { priceMode: 'lowestPrice', cap: 1 })));

console.log(`\nReview Desk ranking benchmark — ${APPLICATIONS} applications, ${data.scores.length} scores (ratios against the floor of this run)\n`);
for (const [name, ms] of [
  ['floor: group and average the scores in one pass', floor],
  ['rankRound (aggregate, price, totals, tie-breaks)', rankMs],
  ['allocate (quota, waitlist), no cap', allocMs],
  ['explain every (application, region)', explainMs],
  ['rank + allocate with a cap of 1 (deferred acceptance)', capMs],
] as const) {
  console.log(`${name.padEnd(56)} ${ms.toFixed(1).padStart(9)} ms   ×${(ms / floor).toFixed(1)}`);
}
