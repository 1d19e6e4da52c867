// The crash harness's checks must be able to fail: each broken promise, forged on a real database, is named.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { createDossier } from '../../../electron/services/dossiers/dossier-service';
import { issueLetter } from '../../../electron/services/letters/letter-service';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { checkDatabase, Ledger } from '../../support/crash/checks';
import { LETTER_FIELDS } from '../../support/crash/protocol';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { base64, toCsv, utf8WithBom } from '../../support/import-files';

async function setUp() {
  const ctx = await createTestContext();
  const dossier = createDossier(ctx, dossierInputSchema.parse(dossierInput({ creditCode: syntheticCreditCode(1) })));
  const letter = issueLetter(ctx, { kind: 'terminationNotice', dossierId: dossier.id, fields: LETTER_FIELDS, year: 2026 });
  const ledger = new Ledger();
  ledger.record({ t: 'dossier', id: dossier.id, code: dossier.creditCode });
  ledger.record({ t: 'letter', id: letter.id, number: letter.number, year: 2026, kind: 'terminationNotice' });
  ledger.record({ t: 'importBegin', kind: 'dossiers', token: 'imp-1', keys: [dossier.creditCode] });
  ledger.record({ t: 'importAck', token: 'imp-1' });
  return { ctx, dossier, letter, ledger };
}

describe('crash checks', () => {
  it('pass on a database that kept every acknowledged write', async () => {
    const { ctx, ledger } = await setUp();
    expect(checkDatabase(ctx.db, ledger)).toEqual([]);
    expect(ledger.acks).toBe(3);
  });

  it('name a lost dossier, a lost score, a lost letter and a lost acknowledged import', async () => {
    const { ctx, ledger } = await setUp();
    ledger.record({ t: 'dossier', id: 99, code: syntheticCreditCode(2) });
    ledger.record({ t: 'score', comment: '手工#1' });
    ledger.record({ t: 'letter', id: 'no-such-letter', number: '评审终字〔2026〕9号', year: 2026, kind: 'terminationNotice' });
    ledger.record({ t: 'importBegin', kind: 'dossiers', token: 'imp-2', keys: [syntheticCreditCode(3)] });
    ledger.record({ t: 'importAck', token: 'imp-2' });
    const problems = checkDatabase(ctx.db, ledger).join('\n');
    expect(problems).toMatch(/档案 99/);
    expect(problems).toMatch(/备注 手工#1/);
    expect(problems).toMatch(/评审终字〔2026〕9号/);
    expect(problems).toMatch(/已确认的导入 imp-2 缺失：0\/1/);
  });

  it('name a half-written import even when it was never acknowledged', async () => {
    const { ctx, dossier, ledger } = await setUp();
    ledger.record({ t: 'importBegin', kind: 'dossiers', token: 'imp-3', keys: [dossier.creditCode, syntheticCreditCode(4)] });
    expect(checkDatabase(ctx.db, ledger)).toEqual([expect.stringMatching(/导入 imp-3 只写入了一部分：1\/2/)]);
  });

  it('name a letter number acknowledged twice, and a counter that would reuse a number after a restart', async () => {
    const { ctx, letter, ledger } = await setUp();
    ledger.record({ t: 'letter', id: 'another-id', number: letter.number, year: 2026, kind: 'terminationNotice' });
    ctx.db.prepare('UPDATE letter_counters SET next_seq = 1').run();
    const problems = checkDatabase(ctx.db, ledger).join('\n');
    expect(problems).toMatch(/函件编号 评审终字〔2026〕1号 被再次发出/);
    expect(problems).toMatch(/函件计数器落后于已发编号/);
  });

  it('name a broken history chain and a failed workload call', async () => {
    const { ctx, ledger } = await setUp();
    ctx.db.exec('DROP TRIGGER change_log_no_update');
    ctx.db.prepare("UPDATE change_log SET actor = '李四' WHERE seq = 2").run();
    ledger.record({ t: 'error', call: 'letters.issue', code: 'INTERNAL', message: '内部错误' });
    const problems = checkDatabase(ctx.db, ledger).join('\n');
    expect(problems).toMatch(/修改记录链在第 2 条断开/);
    expect(problems).toMatch(/letters.issue INTERNAL/);
  });

  it('read a score import from its one history entry per member sheet: kept when whole, named when a cell lost its history', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 38_000);
    await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const rows = [1, 2].flatMap((i) => ['公司实力', '技术水平'].map((criterion) => ['赵组长', syntheticCreditCode(i), criterion, String(80 + i), '导入#7']));
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: base64(utf8WithBom(toCsv([['委员', '统一社会信用代码', '评分项', '分数', '备注'], ...rows]))) });
    await ok(ctx, 'scores.importCommit', { previewId: preview.previewId });
    const ledger = new Ledger();
    ledger.record({ t: 'importBegin', kind: 'scores', token: '导入#7', keys: rows.map((r) => `${r[1]}/${r[2]}`) });
    ledger.record({ t: 'importAck', token: '导入#7' });
    expect(checkDatabase(ctx.db, ledger)).toEqual([]);
    ctx.db.prepare('UPDATE scores SET value = 1 WHERE rowid = (SELECT min(rowid) FROM scores)').run();
    expect(checkDatabase(ctx.db, ledger)).toEqual([expect.stringMatching(/与修改记录不一致/)]);
  });
});
