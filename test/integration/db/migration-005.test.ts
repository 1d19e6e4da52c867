// Migration 005 (rule fidelity) on a real v3 file holding a dossier, a program with rules of the earlier
// version and an application with a 主体优势说明: the rows survive, the dossier's 店铺账号 stays known, a new
// dossier can hold "unknown", the old combined 企业 + 实名认证 rule is read as its two rules, and the
// statement still awaits the committee (nothing was accepted before acceptances existed).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { m003Cooperations } from '../../../electron/db/migrations/003-cooperations';
import { migrations } from '../../../electron/db/migrations/index';
import { m005Eligibility } from '../../../electron/db/migrations/005-eligibility';
import { createDossierRepo } from '../../../electron/services/dossiers/dossier-repo';
import { getProgram } from '../../../electron/services/rounds/round-repo';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { tempDir } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';

const AT = '2026-11-01T00:00:00.000Z';
const PROGRAM = '11111111-1111-4111-8111-111111111111';

describe('migration 005: unknown shop account, statement acceptances', () => {
  it('keeps v3 rows, reads old rule sets as today’s, and lets a dossier hold an unknown 店铺账号', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v3 = await openDatabase(file, { migrations: [m001Initial, m002Rounds, m003Cooperations] });
    // Seeded with v3's own columns (today's repository writes a column v3 does not have).
    v3.db
      .prepare(`INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type,
        real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at)
        VALUES (?, '杭州安心珠宝检测技术有限公司', '陈明', '浙江省', '杭州市', 5000000, '2018-06-01', 'general', 1, 1, 10000000, '[]', NULL, '[]', '', '', '', ?, ?)`)
      .run(REAL_CREDIT_CODES[0], AT, AT);
    // A program saved by the earlier version: 'realNameVerified' meant 企业 + 实名认证, sameCity had no scope.
    const oldRules = [{ kind: 'realNameVerified' }, { kind: 'generalTaxpayer' }, { kind: 'sameCity' }, { kind: 'noCooldown' }];
    v3.db.prepare('INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(PROGRAM, '淘宝直播', '区域产业服务商', JSON.stringify(oldRules), AT, AT);
    v3.db.close();

    // Migrated to today's version: the repository below writes columns of later migrations (pinyin keys).
    const v5 = await openDatabase(file, { migrations, now: () => new Date('2026-12-01T00:00:00Z') });
    expect(v5).toMatchObject({ fromVersion: 3, version: migrations.at(-1)!.version });
    expect(migrations.map((m) => m.version)).toContain(m005Eligibility.version);
    const repo = createDossierRepo(v5.db);
    expect(repo.get(1)).toMatchObject({ legalName: '杭州安心珠宝检测技术有限公司', isShopAccount: true });

    const unknown = repo.insert(dossierInputSchema.parse(dossierInput({ creditCode: REAL_CREDIT_CODES[1]!, isShopAccount: null })), AT);
    const known = repo.insert(dossierInputSchema.parse(dossierInput({ creditCode: REAL_CREDIT_CODES[2]!, isShopAccount: false })), AT);
    expect(repo.get(unknown)?.isShopAccount).toBeNull();
    expect(repo.get(known)?.isShopAccount).toBe(false);
    expect(() => v5.db.prepare('UPDATE dossiers SET shop_account_known = 2 WHERE id = 1').run()).toThrow(/CHECK/);

    expect(getProgram(v5.db, PROGRAM).rules).toEqual([
      { kind: 'entityType', allowed: ['enterprise'] },
      { kind: 'realName' },
      { kind: 'generalTaxpayer' },
      { kind: 'sameCity', scope: 'within' },
      { kind: 'noCooldown' },
    ]);
    expect(v5.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'statement_acceptances'").get()).toEqual({ n: 1 });
    v5.db.close();
  });
});
