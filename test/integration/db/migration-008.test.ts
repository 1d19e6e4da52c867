// Migration 008 (letters as official documents) on a real v3 file holding an issued letter and an edited
// template: both survive unchanged (the archived letter still reprints as issued, its hash still matches),
// the edited template gets the GB/T 9704 number style, and the per-program settings table starts empty.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { m003Cooperations } from '../../../electron/db/migrations/003-cooperations';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../support/service-context';
import { insertV1Dossier } from '../../support/legacy-dossiers';
import { dossierInput } from '../../support/dossiers';

const LEGACY_CONTENT = JSON.stringify({ kind: 'terminationNotice', blocks: [{ role: 'title', spans: [{ text: '终止合作通知' }] }, { role: 'reference', lines: [[{ field: 'letterNumber', value: '评审终字〔2026〕第001号' }]] }] });

describe('migration 008: letters as official documents', () => {
  it('migrates a v3 file with an issued letter and an edited template, keeping both as they were', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v3 = await openDatabase(file, { migrations: [m001Initial, m002Rounds, m003Cooperations] });
    insertV1Dossier(v3.db, dossierInput());
    v3.db.prepare("INSERT INTO letter_templates (kind, title, body, prefix, updated_at, updated_by) VALUES ('terminationNotice', '终止合作通知', '# 终止合作通知', '评审终字', '2026-11-01T00:00:00.000Z', '李娜')").run();
    v3.db.prepare("INSERT INTO letter_counters (year, kind, next_seq) VALUES (2026, 'terminationNotice', 2)").run();
    v3.db
      .prepare("INSERT INTO letters (id, kind, year, seq, number, dossier_id, fields, content, sha256, issued_at, issued_by) VALUES ('l1', 'terminationNotice', 2026, 1, '评审终字〔2026〕第001号', 1, '{}', ?, 'abc', '2026-11-02T00:00:00.000Z', '李娜')")
      .run(LEGACY_CONTENT);
    v3.db.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-01T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 3, version: migrations.at(-1)!.version });
    const db = latest.db;
    expect(db.prepare('SELECT number, content, sha256, backdate_reason FROM letters').all()).toEqual([{ number: '评审终字〔2026〕第001号', content: LEGACY_CONTENT, sha256: 'abc', backdate_reason: null }]);
    expect(db.prepare('SELECT prefix, number_style FROM letter_templates').all()).toEqual([{ prefix: '评审终字', number_style: 'plain' }]);
    // The counter goes on from where it was: the next number is 2, never 1 again.
    expect(db.prepare('SELECT next_seq FROM letter_counters').get()).toEqual({ next_seq: 2 });
    expect(() => db.prepare("UPDATE letter_templates SET number_style = 'roman'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM program_letter_settings').get()).toEqual({ n: 0 });
    db.close();
  });
});
