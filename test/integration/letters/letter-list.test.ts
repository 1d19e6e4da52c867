// Listing letters: by dossier, and with no filter the whole archive the letters page shows (voided ones too).
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { createDossier } from '../../../electron/services/dossiers/dossier-service';
import { issueLetter, listLetters, voidLetter } from '../../../electron/services/letters/letter-service';
import { dossierInputSchema } from '../../../shared/dossiers/schema';

const FIELDS = {
  addressee: '甲',
  creditCode: REAL_CREDIT_CODES[0]!,
  program: '淘宝直播区域产业服务商',
  region: '杭州',
  letterDate: '2026年11月23日',
  issuerName: '评审小组',
  issuerDepartment: '运营部',
  issuerContact: '王评审 0571-88886666',
  deadline: '2026年12月31日',
};

describe('listing letters', () => {
  it('lists one dossier\'s letters, or every letter when no filter is given', async () => {
    const ctx = await createTestContext();
    const a = createDossier(ctx, dossierInputSchema.parse(dossierInput()));
    const b = createDossier(ctx, dossierInputSchema.parse(dossierInput({ legalName: '乙公司', creditCode: REAL_CREDIT_CODES[1]! })));
    const first = issueLetter(ctx, { kind: 'selectionNotice', dossierId: a.id, fields: FIELDS, year: 2026 });
    issueLetter(ctx, { kind: 'selectionNotice', dossierId: b.id, fields: { ...FIELDS, addressee: '乙' }, year: 2026 });
    voidLetter(ctx, first.id, '名称有误');
    expect(listLetters(ctx, { dossierId: a.id }).map((l) => l.number)).toEqual(['评审入字〔2026〕1号']);
    const all = listLetters(ctx, {});
    expect(all.map((l) => [l.number, l.dossierId, l.voidedAt !== null])).toEqual([
      ['评审入字〔2026〕1号', a.id, true],
      ['评审入字〔2026〕2号', b.id, false],
    ]);
  });
});
