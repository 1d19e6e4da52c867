// Migration 014 on a real v13 file holding a dossier: the row survives as an organisation, the unique code
// index still holds, and a person (identity_kind 'individual') can be stored beside it; no other kind can.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { createDossierRepo } from '../../../electron/services/dossiers/dossier-repo';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { tempDir } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';

describe('migration 014: dossier identity kind', () => {
  it('adds identity_kind to a v13 file, defaulting existing dossiers to organisations', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v13 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 13) });
    v13.db
      .prepare(
        `INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type, real_name_verified, is_shop_account, deposit_paid_fen, capabilities, contacts, introduction, notes, search_text, created_at, updated_at)
         VALUES (?, '杭州安心珠宝检测技术有限公司', '陈明', '浙江省', '杭州市', 5000000, '2018-06-01', 'general', 1, 0, 10000000, '[]', '[]', '', '', '', 'x', 'x')`,
      )
      .run(REAL_CREDIT_CODES[0]);
    v13.db.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-06T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 13, version: migrations.at(-1)!.version });
    const repo = createDossierRepo(latest.db);
    expect(repo.getByCreditCode(REAL_CREDIT_CODES[0]!)).toMatchObject({ identityKind: 'organization', legalName: '杭州安心珠宝检测技术有限公司' });

    const person = dossierInputSchema.parse(dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: '11010519491231002X', legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small' }));
    const id = repo.insert(person, '2026-12-06T00:00:00.000Z');
    expect(repo.get(id)).toMatchObject({ identityKind: 'individual', creditCode: '11010519491231002X' });
    expect(() => repo.insert(person, '2026-12-06T00:00:00.000Z')).toThrow(/UNIQUE/);
    expect(() => latest.db.prepare("UPDATE dossiers SET identity_kind = 'robot' WHERE id = ?").run(id)).toThrow(/CHECK/);
    latest.db.close();
  });
});
