// Issue 9: "the chain head is printed on every finalized selection list and every letter (a short
// fingerprint in the footer) so a later rewrite is detectable against paper". The finalization and the
// letter store the head; results, exports and the archived letter carry its fingerprint; history.findHead
// finds the row a paper fingerprint belongs to — and no longer does once the history before it is rewritten.
import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError } from '../../support/call';
import { finalizedRound } from '../../support/round-fixture';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { chainHead, fingerprint, GENESIS, linkHash, type ChainRow } from '../../../electron/services/history/chain';

const FP = /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/;

/** The attacker: drops the append-only triggers, runs the edit, puts them back. */
function tamper(db: Database.Database, edit: () => void): void {
  db.exec('DROP TRIGGER change_log_no_update; DROP TRIGGER change_log_no_delete; DROP TRIGGER change_log_hash_required;');
  edit();
  db.exec(`CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'x'); END;
           CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN SELECT RAISE(ABORT, 'x'); END;
           CREATE TRIGGER change_log_hash_required BEFORE INSERT ON change_log WHEN NEW.hash IS NULL BEGIN SELECT RAISE(ABORT, 'x'); END;`);
}

/** Rewrites an early row and re-hashes the whole chain, as a careful attacker would. */
function rewriteAndRehash(db: Database.Database): void {
  tamper(db, () => {
    db.prepare("UPDATE change_log SET actor = '李四' WHERE seq = 2").run();
    let previous = GENESIS;
    for (const row of db.prepare('SELECT * FROM change_log ORDER BY seq').all() as ChainRow[]) {
      previous = linkHash(previous, row);
      db.prepare('UPDATE change_log SET hash = ? WHERE seq = ?').run(previous, row.seq);
    }
  });
}

async function finalized(): Promise<{ ctx: TestContext; roundId: string; printed: string }> {
  const ctx = await createTestContext();
  const { round } = await finalizedRound(ctx);
  const results = await call(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: null });
  return { ctx, roundId: round.id, printed: results.finalized!.fingerprint! };
}

describe('the chain head on a finalized selection list', () => {
  it('is stored with the finalization, right after its own history entry, and shown with the results', async () => {
    const { ctx, roundId, printed } = await finalized();
    expect(printed).toMatch(FP);
    const stored = ctx.db.prepare('SELECT chain_head FROM finalizations WHERE round_id = ?').get(roundId) as { chain_head: string };
    const finalizeRow = ctx.db.prepare("SELECT hash FROM change_log WHERE action = 'finalize' AND entity_key = ?").get(roundId) as { hash: string };
    expect(stored.chain_head).toBe(finalizeRow.hash);
    expect(printed).toBe(fingerprint(stored.chain_head));
    // Later changes move the head on; the list keeps the head of its finalization.
    await call(ctx, 'dossiers.create', dossierInput({ legalName: '之后新增的机构', creditCode: REAL_CREDIT_CODES[5]! }));
    expect(fingerprint(chainHead(ctx.db))).not.toBe(printed);
    expect((await call(ctx, 'ranking.results', { roundId, viewerMemberId: null })).finalized!.fingerprint).toBe(printed);
  });

  it('goes into the CSV after the table and into the XLSX summary', async () => {
    const { ctx, roundId, printed } = await finalized();
    const csv = Buffer.from((await call(ctx, 'ranking.export', { roundId, viewerMemberId: null, format: 'csv' })).dataBase64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^区域,名次,机构名称/);
    expect(lines.slice(-2)).toEqual(['', `修改记录核验码,${printed}`]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((Buffer.from((await call(ctx, 'ranking.export', { roundId, viewerMemberId: null, format: 'xlsx' })).dataBase64, 'base64')) as never);
    const values: unknown[] = [];
    workbook.getWorksheet('汇总')!.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('修改记录核验码');
    expect(values).toContain(printed);
  });

  it('is found in the history by history.findHead (typed with spaces or without, any case), naming the finalize row', async () => {
    const { ctx, printed } = await finalized();
    const finalizeRow = ctx.db.prepare("SELECT seq, at FROM change_log WHERE action = 'finalize'").get() as { seq: number; at: string };
    for (const typed of [printed, printed.replace(/ /g, ''), printed.toUpperCase(), `  ${printed.replace(/ /g, '-')} `]) {
      expect(await call(ctx, 'history.findHead', { fingerprint: typed })).toMatchObject({ match: 'intact', fingerprint: printed, seq: finalizeRow.seq, at: finalizeRow.at, action: 'finalize', entity: 'round' });
    }
  });

  it('no longer matches once the history before it is rewritten: "rewritten" if the stored hashes were left, "none" if re-hashed', async () => {
    const { ctx, printed } = await finalized();
    tamper(ctx.db, () => ctx.db.prepare("UPDATE change_log SET actor = '李四' WHERE seq = 2").run());
    const rewritten = await call(ctx, 'history.findHead', { fingerprint: printed });
    expect(rewritten).toMatchObject({ match: 'rewritten', action: 'finalize' });
    const fresh = await finalized();
    rewriteAndRehash(fresh.ctx.db);
    expect((await call(fresh.ctx, 'history.verify', {})).ok).toBe(true); // the re-hashed chain is consistent in itself…
    expect(await call(fresh.ctx, 'history.findHead', { fingerprint: fresh.printed })).toMatchObject({ match: 'none', seq: null }); // …but not with the paper
  });

  it('answers the empty history and a fingerprint from elsewhere, and refuses malformed input in zh-CN', async () => {
    const ctx = await createTestContext();
    expect(await call(ctx, 'history.findHead', { fingerprint: '0000 0000 0000 0000' })).toMatchObject({ match: 'intact', seq: 0 });
    await call(ctx, 'dossiers.create', dossierInput());
    expect(await call(ctx, 'history.findHead', { fingerprint: 'abcd ef01 2345 6789' })).toMatchObject({ match: 'none', rows: 1 });
    for (const bad of ['3f2a 91c0 7be4', '3f2a 91c0 7be4 0d15 aa', 'zz2a 91c0 7be4 0d15', '']) {
      expect(await callError(ctx, 'history.findHead', { fingerprint: bad })).toMatchObject({ code: 'VALIDATION' });
    }
  });

  it('walks the history streaming with progress for the caller\'s job', async () => {
    const { ctx, printed } = await finalized();
    const rows = (ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    await call(ctx, 'history.findHead', { fingerprint: 'abcd ef01 2345 6789', jobId: 'job-findhead-1' });
    expect(ctx.progressLog.filter((p) => p.jobId === 'job-findhead-1').at(-1)).toEqual({ jobId: 'job-findhead-1', done: rows, total: rows });
    expect((await call(ctx, 'history.findHead', { fingerprint: printed })).match).toBe('intact');
  });
});

const FIELDS = {
  addressee: '杭州甲鉴定有限公司',
  creditCode: REAL_CREDIT_CODES[0]!,
  program: '淘宝直播区域产业服务商',
  region: '杭州',
  letterDate: '2026年11月23日',
  issuerName: '评审小组',
  issuerDepartment: '运营部',
  issuerContact: '王评审 0571-88886666',
  deadline: '2026年12月31日',
};

describe('the chain head on a letter', () => {
  it('is the head before the letter\'s own entry, archived in the content (so in its sha256) and reprinted unchanged', async () => {
    const ctx = await createTestContext();
    const { id: dossierId } = await call(ctx, 'dossiers.create', dossierInput());
    const before = chainHead(ctx.db);
    const letter = await call(ctx, 'letters.issue', { kind: 'selectionNotice', dossierId, fields: FIELDS, year: 2026 });
    expect(letter.chainHead).toBe(before);
    expect(letter.content.chainFingerprint).toBe(fingerprint(before));
    const stored = ctx.db.prepare('SELECT content, chain_head FROM letters WHERE id = ?').get(letter.id) as { content: string; chain_head: string };
    expect(JSON.parse(stored.content).chainFingerprint).toBe(fingerprint(before));
    expect(stored.chain_head).toBe(before);
    // The letter's history entry records the hash of the content holding the fingerprint.
    const entry = JSON.parse((ctx.db.prepare("SELECT after FROM change_log WHERE entity = 'letter' ORDER BY seq DESC LIMIT 1").get() as { after: string }).after);
    expect(entry.sha256).toBe(letter.sha256);
    // Later changes do not touch an issued letter.
    await call(ctx, 'dossiers.create', dossierInput({ legalName: '乙公司', creditCode: REAL_CREDIT_CODES[1]! }));
    expect((await call(ctx, 'letters.get', { id: letter.id })).content).toEqual(letter.content);
    // The paper fingerprint names the row just before the letter (the dossier's creation).
    expect(await call(ctx, 'history.findHead', { fingerprint: letter.content.chainFingerprint! })).toMatchObject({ match: 'intact', seq: 1, action: 'create', entity: 'dossier' });
  });

  it('leaves letters issued before it was printed as they were', async () => {
    const ctx = await createTestContext();
    const { id: dossierId } = await call(ctx, 'dossiers.create', dossierInput());
    const letter = await call(ctx, 'letters.issue', { kind: 'selectionNotice', dossierId, fields: FIELDS, year: 2026 });
    // An archived letter from before: no fingerprint in its content, no head stored.
    const { chainFingerprint: _gone, ...legacy } = letter.content;
    const content = JSON.stringify(legacy);
    const crypto = await import('node:crypto');
    ctx.db.prepare('UPDATE letters SET content = ?, sha256 = ?, chain_head = NULL WHERE id = ?').run(content, crypto.createHash('sha256').update(content).digest('hex'), letter.id);
    const read = await call(ctx, 'letters.get', { id: letter.id });
    expect(read).toMatchObject({ integrity: 'ok', chainHead: null });
    expect(read.content).not.toHaveProperty('chainFingerprint');
  });
});
