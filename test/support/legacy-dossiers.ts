// Dossier rows written with the v1 columns only, for migration tests that seed an old schema: today's repo
// also writes columns later migrations added (e.g. 007's pinyin keys), which an old file does not have.
import type { Database } from 'better-sqlite3';
import { dossierInputSchema, type DossierInput } from '../../shared/dossiers/schema';
import { searchText } from '../../electron/services/dossiers/dossier-repo';

export function insertV1Dossier(db: Database, input: DossierInput, now = '2026-11-01T00:00:00.000Z'): number {
  const d = dossierInputSchema.parse(input);
  const row = {
    credit_code: d.creditCode,
    legal_name: d.legalName,
    legal_representative: d.legalRepresentative,
    province: d.province,
    city: d.city,
    registered_capital_yuan: Math.round(d.registeredCapitalWan * 10_000),
    established_on: d.establishedOn,
    taxpayer_type: d.taxpayerType,
    real_name_verified: d.realNameVerified ? 1 : 0,
    is_shop_account: d.isShopAccount ? 1 : 0,
    deposit_paid_fen: Math.round(d.depositPaidYuan * 100),
    capabilities: JSON.stringify(d.capabilities),
    price_quote_fen: d.priceQuoteYuan == null ? null : Math.round(d.priceQuoteYuan * 100),
    contacts: JSON.stringify(d.contacts),
    introduction: d.introduction,
    notes: d.notes,
    search_text: searchText(d),
    now,
  };
  const columns = Object.keys(row).filter((k) => k !== 'now');
  const sql = `INSERT INTO dossiers (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map((c) => '@' + c).join(', ')}, @now, @now)`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}
