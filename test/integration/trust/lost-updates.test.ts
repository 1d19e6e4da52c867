// Issue 9 "Lost updates": programs.update, regions.update and letters.saveTemplate name the version they
// were based on; a save from a stale copy is refused with a zh-CN CONFLICT and changes nothing, as
// dossiers.update and rounds.update already did.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call, callError } from '../../support/call';
import { setUpRound } from '../../support/round-fixture';
import { SEED_003_RULES } from '../../../shared/eligibility/rules';

describe('optimistic versions', () => {
  it('programs.update: the second of two editors who loaded the same version is refused, the first edit kept', async () => {
    const ctx = await createTestContext();
    const { program } = await setUpRound(ctx);
    expect(program.version).toBe(1);
    const first = await call(ctx, 'programs.update', { id: program.id, version: 1, data: { platform: '淘宝直播', name: '安心鉴鉴定机构（第二期）', rules: [...SEED_003_RULES] } });
    expect(first.version).toBe(2);
    const stale = await callError(ctx, 'programs.update', { id: program.id, version: 1, data: { platform: '淘宝直播', name: '旧名称', rules: [] } });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被他人修改') });
    const now = (await call(ctx, 'programs.list', {})).find((p) => p.id === program.id)!;
    expect(now).toMatchObject({ name: '安心鉴鉴定机构（第二期）', version: 2 });
    expect(now.rules).toHaveLength(SEED_003_RULES.length);
    // Based on the newest version it saves.
    expect((await call(ctx, 'programs.update', { id: program.id, version: 2, data: { platform: '淘宝直播', name: '新名称', rules: [] } })).version).toBe(3);
  });

  it('regions.update: a stale quota edit is refused and the newer quota stays', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    expect(hangzhou.version).toBe(1);
    const saved = await call(ctx, 'regions.update', { roundId: round.id, regionId: hangzhou.id, version: 1, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 3, waitlistLength: 1 } });
    expect(saved).toMatchObject({ quota: 3, version: 2 });
    const stale = await callError(ctx, 'regions.update', { roundId: round.id, regionId: hangzhou.id, version: 1, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 5, waitlistLength: 2 } });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('该区域已被他人修改') });
    const regions = (await call(ctx, 'rounds.get', { id: round.id })).regions;
    expect(regions.find((r) => r.id === hangzhou.id)).toMatchObject({ quota: 3, waitlistLength: 1, version: 2 });
    // Each region has its own version: editing 杭州 does not stale an editor of 深圳.
    expect(regions.find((r) => r.id === shenzhen.id)).toMatchObject({ version: 1 });
    expect((await call(ctx, 'regions.update', { roundId: round.id, regionId: shenzhen.id, version: 1, data: { name: '深圳水贝产业带', city: '深圳市', quota: 2, waitlistLength: 1 } })).version).toBe(2);
  });

  it('letters.saveTemplate: the built-in text is version 0; a stale save does not overwrite the other editor\'s text', async () => {
    const ctx = await createTestContext();
    const builtIn = (await call(ctx, 'letters.templates', {})).find((x) => x.kind === 'terminationNotice')!;
    expect(builtIn).toMatchObject({ builtIn: true, version: 0 });
    const mine = await call(ctx, 'letters.saveTemplate', { kind: 'terminationNotice', version: 0, name: builtIn.name, text: builtIn.text.replace('特此通知。', '特此函告。'), prefix: '淘直终' });
    expect(mine).toMatchObject({ builtIn: false, version: 1, prefix: '淘直终' });
    // A second editor who opened the built-in text, before that save, saves theirs.
    const stale = await callError(ctx, 'letters.saveTemplate', { kind: 'terminationNotice', version: 0, name: builtIn.name, text: builtIn.text, prefix: '评审终字' });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('函件模板已被他人修改') });
    const now = (await call(ctx, 'letters.templates', {})).find((x) => x.kind === 'terminationNotice')!;
    expect(now).toMatchObject({ version: 1, prefix: '淘直终', text: mine.text });
    // Other kinds keep their own versions.
    expect((await call(ctx, 'letters.templates', {})).find((x) => x.kind === 'selectionNotice')).toMatchObject({ version: 0 });
    expect((await call(ctx, 'letters.saveTemplate', { kind: 'terminationNotice', version: 1, name: builtIn.name, text: builtIn.text, prefix: '评审终字' })).version).toBe(2);
    // The history records the template change without the version bookkeeping.
    const entry = ctx.db.prepare("SELECT after FROM change_log WHERE entity_key = 'template:terminationNotice' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(entry.after)).not.toHaveProperty('version');
  });

  it('refuses a save without a version at the boundary', async () => {
    const ctx = await createTestContext();
    const { program, round, hangzhou } = await setUpRound(ctx);
    expect((await callError(ctx, 'programs.update', { id: program.id, data: { platform: '淘宝直播', name: 'x', rules: [] } })).code).toBe('VALIDATION');
    expect((await callError(ctx, 'regions.update', { roundId: round.id, regionId: hangzhou.id, data: { name: '杭州', city: '杭州市', quota: 1, waitlistLength: 0 } })).code).toBe('VALIDATION');
    expect((await callError(ctx, 'letters.saveTemplate', { kind: 'terminationNotice', name: 'x', text: '# x', prefix: 'x' })).code).toBe('VALIDATION');
  });
});
