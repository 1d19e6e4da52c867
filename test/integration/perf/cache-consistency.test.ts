// The per-round caches (screening, ranking) against a fresh computation after random sequences of the writes
// that change their inputs (issue 8): dossier facts, program rules, overrides, bans, applications and their
// regions, statement acceptances, the reference date, regions, options, members, recusals, scores, submits,
// finalize / reopen, and writes that fail and roll back. Each step goes through the real dispatch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { cachedActiveOrder } from '../../../electron/services/rounds/list-pages';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { freshScreening, isScorable, screenRound } from '../../../electron/services/rounds/screening-service';
import { SEED_003_RULES } from '../../../shared/eligibility/rules';
import { write } from '../../../electron/services/write';
import { extraChecks } from './cache-checks';
import { bulkScoreWrites } from '../../../electron/services/cache/change-tracker';
import { base64, toCsv, utf8WithBom } from '../../support/import-files';
import { openReadConnection } from '../../../electron/db/connection-read';
import { searchDossierIds, setSearchIndexThreshold } from '../../../electron/services/dossiers/dossier-search-index';

type World = Awaited<ReturnType<typeof world>>;

async function world(ctx: TestContext) {
  const setUp = await setUpRound(ctx);
  const { round, hangzhou, shenzhen } = setUp;
  const apps = [
    await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000),
    await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id, shenzhen.id], 38_000),
    await addApplicant(ctx, round.id, 3, '深圳市', [shenzhen.id, hangzhou.id], 50_000),
    await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000),
  ];
  const members = [await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } }), await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } })];
  return { ...setUp, apps, members };
}

const CITIES = ['杭州市', '深圳市', '宁波市'];

/** One random write; failures (refused by the rules) are fine, they are part of the sequence. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('dossierCity' as const), app: fc.nat(3), city: fc.constantFrom(...CITIES) }),
  fc.record({ kind: fc.constant('rules' as const), keep: fc.nat(SEED_003_RULES.length) }),
  fc.record({ kind: fc.constant('override' as const), app: fc.nat(3), region: fc.nat(1), eligible: fc.constantFrom(true, false, null) }),
  fc.record({ kind: fc.constant('ban' as const), app: fc.nat(3) }),
  fc.record({ kind: fc.constant('lift' as const) }),
  fc.record({ kind: fc.constant('referenceDate' as const), date: fc.constantFrom('2026-11-23', '2027-06-01', '2024-01-01') }),
  fc.record({ kind: fc.constant('appRegions' as const), app: fc.nat(3), both: fc.boolean() }),
  fc.record({ kind: fc.constant('withdraw' as const), app: fc.nat(3), withdrawn: fc.boolean() }),
  fc.record({ kind: fc.constant('accept' as const), app: fc.nat(3), accepted: fc.boolean() }),
  fc.record({ kind: fc.constant('regionCity' as const), region: fc.nat(1), city: fc.constantFrom(...CITIES), quota: fc.nat(2) }),
  fc.record({ kind: fc.constant('options' as const), trim: fc.boolean() }),
  fc.record({ kind: fc.constant('score' as const), app: fc.nat(3), member: fc.nat(1), value: fc.integer({ min: 0, max: 100 }), clear: fc.boolean() }),
  fc.record({ kind: fc.constant('amend' as const), app: fc.nat(3), member: fc.nat(1), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('fillAndSubmit' as const), member: fc.nat(1), base: fc.integer({ min: 50, max: 90 }) }),
  fc.record({ kind: fc.constant('recuse' as const), app: fc.nat(3), member: fc.nat(1), withdraw: fc.boolean() }),
  fc.record({ kind: fc.constant('finalize' as const) }),
  fc.record({ kind: fc.constant('reopen' as const) }),
  fc.record({ kind: fc.constant('rollback' as const), app: fc.nat(3) }),
  // The score import writes in bulk with the per-row scores triggers lifted (cache/change-tracker.ts).
  fc.record({ kind: fc.constant('import' as const), member: fc.nat(1), cells: fc.array(fc.record({ app: fc.nat(3), criterion: fc.constantFrom('公司实力', '技术水平', '业内口碑'), value: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('importRollback' as const), member: fc.nat(1), app: fc.nat(3), caught: fc.boolean() }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function apply(ctx: TestContext, w: World, s: Step): Promise<void> {
  const call = async (name: Parameters<typeof dispatch>[2], input: unknown) => {
    const result = await dispatch(handlers, ctx, name, input);
    if (process.env.CACHE_TEST_DEBUG) console.log(s.kind, name, result.ok ? 'ok' : result.error.message);
    return result;
  };
  const app = 'app' in s ? w.apps[s.app]! : undefined;
  const regions = [w.hangzhou, w.shenzhen];
  switch (s.kind) {
    case 'dossierCity': {
      const { dossier: d } = await ok(ctx, 'dossiers.get', { id: app!.dossierId });
      await call('dossiers.update', { id: d.id, version: d.version, data: dossierInput({ legalName: d.legalName, creditCode: d.creditCode, city: s.city }) });
      return;
    }
    case 'rules':
      await call('programs.update', { id: w.program.id, data: { platform: '淘宝直播', name: '安心鉴鉴定机构', rules: SEED_003_RULES.slice(0, s.keep) } });
      return;
    case 'override':
      await call('screening.override', { applicationId: app!.id, regionId: regions[s.region]!.id, eligible: s.eligible, reason: '组长复核' });
      return;
    case 'ban':
      await call('bans.add', { creditCode: syntheticCreditCode(s.app + 1), programId: w.program.id, startsOn: '2026-09-01', until: '2027-02-28', reason: 'failedAssessment', note: '', regionNames: [] });
      return;
    case 'lift': {
      const [ban] = await ok(ctx, 'bans.list', {});
      if (ban) await call('bans.lift', { id: ban.id, reason: '复核撤销', liftedOn: '2026-10-01' });
      return;
    }
    case 'referenceDate':
    case 'options': {
      const r = await ok(ctx, 'rounds.get', { id: w.round.id });
      const options = s.kind === 'options' ? { trimExtremes: s.trim } : r.options;
      await call('rounds.update', { id: r.id, version: r.version, name: r.name, referenceDate: s.kind === 'referenceDate' ? s.date : r.referenceDate, options });
      return;
    }
    case 'appRegions':
      await call('applications.update', { id: app!.id, data: { priceQuoteYuan: 40_000, strengthStatement: '', regionIds: s.both ? [w.shenzhen.id, w.hangzhou.id] : [w.hangzhou.id] } });
      return;
    case 'withdraw':
      await call('applications.setWithdrawn', { id: app!.id, withdrawn: s.withdrawn });
      return;
    case 'accept':
      await call('applications.acceptStatement', { id: app!.id, accepted: s.accepted, reason: '委员会认可' });
      return;
    case 'regionCity':
      await call('regions.update', { roundId: w.round.id, regionId: regions[s.region]!.id, data: { name: regions[s.region]!.name, city: s.city, quota: s.quota, waitlistLength: 1 } });
      return;
    case 'score': {
      const sheet = await ok(ctx, 'scores.sheet', { memberId: w.members[s.member]!.id });
      for (const criterion of sheet.criteria) await call('scores.set', { memberId: w.members[s.member]!.id, applicationId: app!.id, criterion, value: s.clear ? null : s.value, comment: '' });
      return;
    }
    case 'amend': {
      // A submitted sheet changed with a reason: only scores change, the sheet stays submitted.
      const member = w.members[s.member]!;
      const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
      if (!sheet.submittedAt) await apply(ctx, w, { kind: 'fillAndSubmit', member: s.member, base: 70 });
      await call('scores.amend', { memberId: member.id, applicationId: app!.id, criterion: sheet.criteria[0]!, value: s.value, comment: '', reason: '更正' });
      return;
    }
    case 'fillAndSubmit': {
      const member = w.members[s.member]!;
      const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
      for (const [i, applicationId] of sheet.applicationIds.entries())
        for (const criterion of sheet.criteria) {
          const cell = { memberId: member.id, applicationId, criterion, value: s.base + i, comment: '' };
          await (sheet.submittedAt ? call('scores.amend', { ...cell, reason: '更正' }) : call('scores.set', cell));
        }
      await call('scores.submit', { memberId: member.id });
      return;
    }
    case 'recuse':
      await call(s.withdraw ? 'recusals.withdraw' : 'recusals.declare', { applicationId: app!.id, memberId: w.members[s.member]!.id, ...(s.withdraw ? {} : { reason: '曾任顾问' }) });
      return;
    case 'finalize':
      // Both sheets complete and submitted first, so finalizing (and then reopening) really happens.
      for (const member of [0, 1]) await apply(ctx, w, { kind: 'fillAndSubmit', member, base: 60 + member * 7 });
      await call('rounds.finalize', { roundId: w.round.id });
      return;
    case 'reopen':
      await call('rounds.reopen', { roundId: w.round.id, reason: '复核' });
      return;
    case 'import': {
      const rows = s.cells.map((c) => [w.members[s.member]!.name, syntheticCreditCode(c.app + 1), c.criterion, String(c.value)]);
      const preview = await call('scores.importPreview', { roundId: w.round.id, fileName: 's.csv', dataBase64: base64(utf8WithBom(toCsv([['委员', '统一社会信用代码', '评分项', '分数'], ...rows]))) });
      if (preview.ok) await call('scores.importCommit', { previewId: (preview.value as { previewId: string }).previewId });
      return;
    }
    case 'importRollback': {
      // A bulk write that fills the caches inside the transaction, then fails: rolled back, or the failure
      // caught inside the transaction (the triggers must come back either way, the counters recounted).
      const sheetId = (ctx.db.prepare('SELECT id FROM score_sheets WHERE member_id = ?').get(w.members[s.member]!.id) as { id: string }).id;
      const bulk = () =>
        bulkScoreWrites(ctx.db, [sheetId], () => {
          ctx.db.prepare("INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, 'strength', 42, '', 'x') ON CONFLICT DO UPDATE SET value = 42").run(sheetId, app!.id);
          extraChecks.fill(ctx, w.round.id);
          throw new Error('failed');
        });
      try {
        write(ctx, () => {
          if (!s.caught) bulk();
          try {
            bulk();
          } catch {
            // caught: the transaction goes on and commits the row
          }
        });
      } catch {
        // expected when not caught
      }
      return;
    }
    case 'rollback':
      // A write that changes a screening input, fills the caches inside the transaction, then fails.
      try {
        write(ctx, () => {
          ctx.db.prepare("UPDATE dossiers SET city = '宁波市' WHERE id = ?").run(app!.dossierId);
          screenRound(ctx, w.round.id);
          extraChecks.fill(ctx, w.round.id);
          throw new Error('rolled back');
        });
      } catch {
        // expected
      }
      return;
  }
}

async function assertConsistent(ctx: TestContext, w: World): Promise<void> {
  const fresh = freshScreening(ctx, w.round.id);
  expect(screenRound(ctx, w.round.id)).toEqual(fresh);
  for (const a of w.apps) {
    expect(screenRound(ctx, w.round.id, a.id)).toEqual(fresh.filter((r) => r.applicationId === a.id));
    expect(isScorable(ctx, w.round.id, a.id)).toBe(fresh.some((r) => r.applicationId === a.id && r.eligible));
  }
  await extraChecks.compare(ctx, w.round.id, w.members.map((m) => m.id));
  // Every per-row scores trigger is in place again after a bulk import, whatever happened to it.
  expect(ctx.db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND tbl_name = 'scores' ORDER BY name").pluck().all()).toEqual(SCORES_TRIGGERS);
}
const SCORES_TRIGGERS = ['rd_cache_scores_delete', 'rd_cache_scores_insert', 'rd_cache_scores_update', 'rd_cells_delete', 'rd_cells_insert', 'rd_cells_update'];

describe('per-round caches equal a fresh computation', () => {
  it('after any sequence of writes to their inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const ctx = await createTestContext();
        const w = await world(ctx);
        await assertConsistent(ctx, w);
        for (const s of steps) {
          await apply(ctx, w, s);
          await assertConsistent(ctx, w);
        }
        ctx.db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('an override, an acceptance, a ban and its lift carry the cached screening over: the other applications\' rows are the very objects cached before', async () => {
    const ctx = await createTestContext();
    const w = await world(ctx);
    const steps: Step[] = [
      { kind: 'override', app: 0, region: 0, eligible: false },
      { kind: 'accept', app: 1, accepted: true },
      { kind: 'ban', app: 2 },
      { kind: 'lift' },
    ];
    for (const s of steps) {
      const before = screenRound(ctx, w.round.id);
      await ok(ctx, 'applications.page', { roundId: w.round.id, offset: 0, limit: 50 }); // the lists' index built
      expect(cachedActiveOrder(ctx, w.round.id)).not.toBeNull();
      await apply(ctx, w, s);
      // ...and still held after the write: it reads no verdict (list-pages.test.ts proves the pages right).
      expect(cachedActiveOrder(ctx, w.round.id)).not.toBeNull();
      const after = screenRound(ctx, w.round.id);
      expect(after).toEqual(freshScreening(ctx, w.round.id));
      const touched = w.apps[s.kind === 'lift' ? 2 : (s as { app: number }).app]!.id;
      const untouched = before.filter((row) => row.applicationId !== touched);
      expect(untouched.length).toBeGreaterThan(0);
      // Carried, not recomputed: a recomputation builds new row objects for every application.
      for (const row of untouched) expect(after).toContain(row);
    }
    ctx.db.close();
  });

  it('after any sequence of score imports among the other score writes', async () => {
    const scoreWrites = new Set<Step['kind']>(['import', 'importRollback', 'score', 'recuse', 'withdraw', 'amend']);
    await fc.assert(
      fc.asyncProperty(fc.array(step.filter((s) => scoreWrites.has(s.kind)), { minLength: 1, maxLength: 10 }), async (steps) => {
        const ctx = await createTestContext();
        const w = await world(ctx);
        for (const s of steps) {
          await apply(ctx, w, s);
          await assertConsistent(ctx, w);
        }
        ctx.db.close();
      }),
      { numRuns: 12 },
    );
  });

  it('on the reader (read-only connection): the cached screening and ranking equal a fresh computation, and a score write keeps the screening', async () => {
    // Issue 8: the reader validates its screening and dossier caches with migration 018's persisted counters,
    // not PRAGMA data_version, so the writer's score saves no longer empty them; every other write still does.
    const scoreOnly = new Set<Step['kind']>(['score', 'amend', 'fillAndSubmit', 'import', 'importRollback']);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const ctx = await createTestContext();
        const w = await world(ctx);
        const reader = { ...ctx, db: openReadConnection(ctx.db.name) };
        const check = async () => {
          const fresh = freshScreening(reader, w.round.id);
          const cached = screenRound(reader, w.round.id);
          expect(cached).toEqual(fresh);
          for (const a of w.apps) expect(isScorable(reader, w.round.id, a.id)).toBe(fresh.some((r) => r.applicationId === a.id && r.eligible));
          await extraChecks.compare(reader, w.round.id, w.members.map((m) => m.id));
          return cached;
        };
        let before = await check();
        for (const s of steps) {
          await apply(ctx, w, s);
          const after = await check();
          // A score write changes no screening input: the reader kept its screening (the same rows, not recomputed).
          if (scoreOnly.has(s.kind)) expect(after).toBe(before);
          before = after;
        }
        reader.db.close();
        ctx.db.close();
      }),
      { numRuns: 20 },
    );
  });

  it('on the reader: another connection\'s write to a screening input and to a dossier is seen', async () => {
    const ctx = await createTestContext();
    const w = await world(ctx);
    const reader = { ...ctx, db: openReadConnection(ctx.db.name) };
    expect(screenRound(reader, w.round.id).filter((r) => r.applicationId === w.apps[0]!.id).every((r) => r.eligible)).toBe(true);
    setSearchIndexThreshold(0);
    try {
      const search = () => searchDossierIds(reader.db, { terms: ['宁波新名字'], status: 'all', offset: 0, limit: 10 });
      expect(search()).toEqual({ ids: [], total: 0 }); // the reader's index, built now
      await ok(ctx, 'scores.set', { memberId: w.members[0]!.id, applicationId: w.apps[1]!.id, criterion: 'strength', value: 70, comment: '' });
      const { default: Database } = await import('better-sqlite3');
      const other = new Database(ctx.db.name); // a second writer (the command line): no TEMP triggers of ours
      other.prepare("UPDATE dossiers SET city = '宁波市', search_text = search_text || ' 宁波新名字' WHERE id = ?").run(w.apps[0]!.dossierId);
      other.close();
      expect(screenRound(reader, w.round.id)).toEqual(freshScreening(reader, w.round.id));
      expect(isScorable(reader, w.round.id, w.apps[0]!.id)).toBe(false);
      expect(search()).toEqual({ ids: [w.apps[0]!.dossierId], total: 1 });
    } finally {
      setSearchIndexThreshold(2_000);
      reader.db.close();
    }
  });

  it('a write from another connection (the command line) is seen', async () => {
    const ctx = await createTestContext();
    const w = await world(ctx);
    expect(screenRound(ctx, w.round.id).every((r) => r.applicationId !== w.apps[0]!.id || r.eligible)).toBe(true);
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(ctx.db.name);
    other.prepare("UPDATE dossiers SET city = '宁波市' WHERE id = ?").run(w.apps[0]!.dossierId);
    other.close();
    expect(screenRound(ctx, w.round.id)).toEqual(freshScreening(ctx, w.round.id));
    expect(isScorable(ctx, w.round.id, w.apps[0]!.id)).toBe(false);
  });
});
