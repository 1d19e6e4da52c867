// The set-based score import (issue 8) against the single-cell path it replaced: the same refusals in the
// preview (with setScore's words), the same cells and the same 'score' history entries as scores.set writes
// cell by cell, a history chain that still verifies, and a changed cell logged with its earlier value.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, toCsv, utf8WithBom } from '../../support/import-files';
import { zh } from '../../../electron/backend/messages';

const HEADER = ['委员', '统一社会信用代码', '评分项', '分数', '备注'];
const csv = (rows: string[][]) => base64(utf8WithBom(toCsv([HEADER, ...rows])));

async function makeRound() {
  const ctx = await createTestContext();
  const { round, hangzhou, shenzhen } = await setUpRound(ctx);
  const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
  const a2 = await addApplicant(ctx, round.id, 2, '深圳市', [shenzhen.id], 38_000);
  // Screened out: same-city rule (a 宁波 entity applying for 杭州).
  const out = await addApplicant(ctx, round.id, 3, '宁波市', [hangzhou.id], 30_000);
  const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
  return { ctx, round, a1, a2, out, chair };
}

/** The 'score' entries of the history without the time (the two contexts share the injected clock anyway). */
async function scoreLog(ctx: TestContext, roundId: string) {
  return (await ok(ctx, 'rounds.history', { id: roundId })).filter((h) => h.action === 'score').map((h) => ({ actor: h.actor, before: h.before, after: h.after }));
}

describe('set-based score import', () => {
  it('refuses an application that did not pass screening with the scoring service words', async () => {
    const { ctx, round, out } = await makeRound();
    expect((await ok(ctx, 'screening.list', { roundId: round.id })).find((r) => r.applicationId === out.id)?.eligible).toBe(false);
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv([['赵组长', syntheticCreditCode(3), '公司实力', '80', ''], ['赵组长', syntheticCreditCode(1), '公司实力', '80', '']]) });
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 1 });
    expect(preview.issues).toEqual([{ row: 2, column: '', reason: zh('error.notScorable') }]);
  });

  it('writes the same cells and history as scores.set cell by cell, and the chain verifies', async () => {
    const imported = await makeRound();
    const typed = await makeRound();
    const cells = (r: Awaited<ReturnType<typeof makeRound>>) => [
      { app: r.a1, code: 1, criterion: 'strength', label: '公司实力', value: 85, comment: '' },
      { app: r.a1, code: 1, criterion: 'technical', label: '技术水平', value: 88.5, comment: '设备齐全' },
      { app: r.a2, code: 2, criterion: 'strength', label: '公司实力', value: 70, comment: '' },
    ];
    // One cell already there with another value: logged as a change with its earlier value.
    for (const r of [imported, typed]) await ok(r.ctx, 'scores.set', { memberId: r.chair.id, applicationId: r.a2.id, criterion: 'strength', value: 60, comment: '' });
    const preview = await ok(imported.ctx, 'scores.importPreview', { roundId: imported.round.id, fileName: 's.csv', dataBase64: csv(cells(imported).map((c) => ['赵组长', syntheticCreditCode(c.code), c.label, String(c.value), c.comment])) });
    expect(preview.counts).toEqual({ new: 2, changed: 1, unchanged: 0, invalid: 0 });
    expect(await ok(imported.ctx, 'scores.importCommit', { previewId: preview.previewId })).toEqual({ written: 3, unchanged: 0 });
    for (const c of cells(typed)) await ok(typed.ctx, 'scores.set', { memberId: typed.chair.id, applicationId: c.app.id, criterion: c.criterion, value: c.value, comment: c.comment });

    const sheetOf = async (r: Awaited<ReturnType<typeof makeRound>>) => (await ok(r.ctx, 'scores.sheet', { memberId: r.chair.id })).cells.map((c) => ({ ...c, applicationId: c.applicationId === r.a1.id ? 'a1' : 'a2' })).sort((x, y) => `${x.applicationId}${x.criterion}`.localeCompare(`${y.applicationId}${y.criterion}`));
    expect(await sheetOf(imported)).toEqual(await sheetOf(typed));
    const normalise = (r: Awaited<ReturnType<typeof makeRound>>, log: Awaited<ReturnType<typeof scoreLog>>) =>
      JSON.parse(JSON.stringify(log).replaceAll(r.a1.id, 'a1').replaceAll(r.a2.id, 'a2').replaceAll(r.chair.id, 'chair').replaceAll(r.chair.sheetId, 'sheet')) as unknown;
    expect(normalise(imported, await scoreLog(imported.ctx, imported.round.id))).toEqual(normalise(typed, await scoreLog(typed.ctx, typed.round.id)));
    expect((await scoreLog(imported.ctx, imported.round.id))[0]).toMatchObject({ before: { value: 60 }, after: { value: 70 } });
    expect(await ok(imported.ctx, 'history.verify', {})).toMatchObject({ ok: true });
  });
});
