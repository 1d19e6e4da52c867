// Migration 012 (trust) on a real v10 file holding a program, a region, an edited letter template, a
// finalization and an issued letter: every row survives unchanged, the new chain-head columns are empty on
// the old rows (the old list and letter print as they were), versions start at 1, and the history's hash
// chain still verifies.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { verifyChain } from '../../../electron/services/history/chain';
import { getLetter, getTemplate } from '../../../electron/services/letters/letter-service';
import { getProgram, getRound } from '../../../electron/services/rounds/round-repo';
import { tempDir } from '../../support/service-context';
import { insertV1Dossier } from '../../support/legacy-dossiers';
import { dossierInput } from '../../support/dossiers';

const CONTENT = JSON.stringify({ kind: 'selectionNotice', layout: 'gbt9704', blocks: [{ role: 'title', spans: [{ text: '入选通知' }] }] });
const SHA = crypto.createHash('sha256').update(CONTENT, 'utf8').digest('hex');

describe('migration 012: chain heads and optimistic versions', () => {
  it('migrates a v10 file, keeping every row and adding empty heads and version 1', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v10 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    expect(v10.version).toBe(10);
    const db10 = v10.db;
    insertV1Dossier(db10, dossierInput());
    db10.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘宝直播', '安心鉴', '[]', '2026-11-01', '2026-11-01')").run();
    db10.prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at) VALUES ('r1', 'p1', '2026年评审', '2026-11-01', '{}', 'finalized', '2026-11-01', '2026-11-02')").run();
    db10.prepare("INSERT INTO round_regions (id, round_id, name, city, quota, waitlist_length, sort) VALUES ('g1', 'r1', '杭州', '杭州市', 2, 1, 1)").run();
    db10.prepare("INSERT INTO finalizations (id, round_id, finalized_at, finalized_by, snapshot) VALUES ('f1', 'r1', '2026-11-02', '李娜', '{}')").run();
    db10.prepare("INSERT INTO letter_templates (kind, title, body, prefix, updated_at, updated_by) VALUES ('selectionNotice', '入选通知', '# 入选通知', '评审入字', '2026-11-01', '李娜')").run();
    db10.prepare("INSERT INTO letters (id, kind, year, seq, number, dossier_id, fields, content, sha256, issued_at, issued_by) VALUES ('l1', 'selectionNotice', 2026, 1, '评审入字〔2026〕1号', 1, '{}', ?, ?, '2026-11-03', '李娜')").run(CONTENT, SHA);
    const before = verifyChain(db10);
    db10.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-01T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 10, version: migrations.at(-1)!.version });
    const db = latest.db;
    expect(db.prepare('SELECT id, finalized_by, snapshot, chain_head FROM finalizations').all()).toEqual([{ id: 'f1', finalized_by: '李娜', snapshot: '{}', chain_head: null }]);
    expect(db.prepare('SELECT content, sha256, chain_head FROM letters').all()).toEqual([{ content: CONTENT, sha256: SHA, chain_head: null }]);
    expect(getProgram(db, 'p1')).toMatchObject({ name: '安心鉴', version: 1 });
    expect(getRound(db, 'r1').regions).toEqual([{ id: 'g1', name: '杭州', city: '杭州市', quota: 2, waitlistLength: 1, version: 1 }]);
    const ctx = { db, dataDir: path.dirname(file), transport: 'browser' as const, now: () => new Date(), progress: () => {} };
    expect(getTemplate(ctx, 'selectionNotice')).toMatchObject({ prefix: '评审入字', version: 1, builtIn: false });
    expect(getTemplate(ctx, 'terminationNotice')).toMatchObject({ builtIn: true, version: 0 });
    // The old letter is read without a fingerprint (it prints as it did) and its stored hash is re-checked.
    const letter = getLetter(ctx, 'l1');
    expect(letter).toMatchObject({ chainHead: null, integrity: 'ok', sha256: SHA });
    expect(letter.content).not.toHaveProperty('chainFingerprint');
    // The history is untouched: same rows, same head.
    expect(verifyChain(db)).toEqual(before);
    db.close();
  });
});
