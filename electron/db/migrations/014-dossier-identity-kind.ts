import type { Migration } from './types';

// A dossier may be about a natural person (个人) as well as an organisation: 《精选联盟资质认证》 admits
// "个人资质" (identified by a 居民身份证号) besides companies and 个体工商户 (shared/dossiers/identity.ts).
// Additive: every existing row is an organisation. The number stays in credit_code for both kinds, so the
// UNIQUE index, the look-ups by code (import, bans, exchange) and every existing query keep their meaning;
// a 居民身份证号 and a 统一社会信用代码 are both 18 characters and cannot both hold the same string.
export const m014DossierIdentityKind: Migration = {
  version: 14,
  name: 'dossiers: identity kind (organisation or individual)',
  up: `ALTER TABLE dossiers ADD COLUMN identity_kind TEXT NOT NULL DEFAULT 'organization' CHECK (identity_kind IN ('organization', 'individual'));`,
};
