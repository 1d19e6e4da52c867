// Rows ⇄ domain objects for the dossiers table. Bound parameters only; money converted at this edge.
import type { Db } from '../../db/open';
import { dossierPinyinColumns } from '../../db/migrations/007-dossier-pinyin';
import { SEARCH_SEPARATOR } from '../../../shared/common/pinyin';
import { searchDossierIds } from './dossier-search-index';
import { displayIdentityNumber, type IdentityKind } from '../../../shared/dossiers/identity';
import { type Contact, type DossierData, type Dossier, type DossierSummary, type Capability, type TaxpayerType } from '../../../shared/dossiers/schema';

interface DossierRow {
  id: number;
  identity_kind: IdentityKind; // migration 014
  credit_code: string;
  legal_name: string;
  legal_representative: string;
  province: string;
  city: string;
  registered_capital_yuan: number;
  established_on: string;
  taxpayer_type: TaxpayerType;
  real_name_verified: number;
  is_shop_account: number;
  shop_account_known: number; // 0: is_shop_account is not known (migration 005)
  deposit_paid_fen: number;
  capabilities: string;
  price_quote_fen: number | null;
  contacts: string;
  introduction: string;
  notes: string;
  version: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function toData(row: DossierRow): DossierData {
  return {
    identityKind: row.identity_kind,
    legalName: row.legal_name,
    creditCode: row.credit_code,
    legalRepresentative: row.legal_representative,
    province: row.province,
    city: row.city,
    registeredCapitalWan: row.registered_capital_yuan / 10_000,
    establishedOn: row.established_on,
    taxpayerType: row.taxpayer_type,
    realNameVerified: row.real_name_verified === 1,
    isShopAccount: row.shop_account_known === 0 ? null : row.is_shop_account === 1,
    depositPaidYuan: row.deposit_paid_fen / 100,
    capabilities: JSON.parse(row.capabilities) as Capability[],
    priceQuoteYuan: row.price_quote_fen == null ? null : row.price_quote_fen / 100,
    contacts: JSON.parse(row.contacts) as Contact[],
    introduction: row.introduction,
    notes: row.notes,
  };
}

function toDossier(row: DossierRow): Dossier {
  return { ...toData(row), id: row.id, version: row.version, archivedAt: row.archived_at, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Lower-cased haystack for substring search: names, code, people, places, contact details. */
export function searchText(d: DossierData): string {
  const parts = [d.legalName, d.creditCode, d.legalRepresentative, d.province, d.city, ...d.contacts.flatMap((c) => [c.name, c.phone, c.email])];
  return parts.join('\u0001').toLowerCase();
}

function params(d: DossierData) {
  return {
    identity_kind: d.identityKind,
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
    shop_account_known: d.isShopAccount === null ? 0 : 1,
    deposit_paid_fen: Math.round(d.depositPaidYuan * 100),
    capabilities: JSON.stringify(d.capabilities),
    price_quote_fen: d.priceQuoteYuan == null ? null : Math.round(d.priceQuoteYuan * 100),
    contacts: JSON.stringify(d.contacts),
    introduction: d.introduction,
    notes: d.notes,
    search_text: searchText(d),
    // Pinyin search keys and the pinyin sort key, rewritten with every save (migration 007).
    ...dossierPinyinColumns(d),
  };
}

const COLUMNS = [
  'identity_kind', 'credit_code', 'legal_name', 'legal_representative', 'province', 'city', 'registered_capital_yuan', 'established_on',
  'taxpayer_type', 'real_name_verified', 'is_shop_account', 'shop_account_known', 'deposit_paid_fen', 'capabilities', 'price_quote_fen',
  'contacts', 'introduction', 'notes', 'search_text', 'pinyin_initials', 'pinyin_full', 'name_sort',
] as const satisfies readonly (keyof ReturnType<typeof params>)[];

/** params() as positional values in COLUMNS order. */
function values(d: DossierData): (string | number | null)[] {
  const p = params(d);
  return COLUMNS.map((c) => p[c]);
}

const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

const repos = new WeakMap<Db, ReturnType<typeof buildRepo>>();

/**
 * The repo of a connection, its statements prepared once per connection (issue 8: a dossiers.list call
 * prepared seven statements, the long INSERT and UPDATE among them, ≈ a third of a warm search at 20,000
 * dossiers). better-sqlite3 re-prepares a statement by itself after a schema change.
 */
export function createDossierRepo(db: Db) {
  let repo = repos.get(db);
  if (!repo) repos.set(db, (repo = buildRepo(db)));
  return repo;
}

function buildRepo(db: Db) {
  // Positional parameters in COLUMNS order (issue 8: binding 23 named parameters per row cost more than
  // SQLite's own insert of it at import scale); the same values as params() names them.
  const insert = db.prepare(
    `INSERT INTO dossiers (${COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE dossiers SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
  );
  const byId = db.prepare('SELECT * FROM dossiers WHERE id = ?');
  const byCode = db.prepare('SELECT * FROM dossiers WHERE credit_code = ?');
  const byCodes = db.prepare('SELECT * FROM dossiers WHERE credit_code IN (SELECT value FROM json_each(?))');
  const setArchived = db.prepare('UPDATE dossiers SET archived_at = @archivedAt, version = version + 1, updated_at = @now WHERE id = @id');
  const pageColumns = `id, identity_kind, legal_name, credit_code, province, city, registered_capital_yuan, taxpayer_type, json_array_length(capabilities) AS capability_count, archived_at, updated_at`;
  const pageByIds = db.prepare(`SELECT ${pageColumns} FROM dossiers WHERE id IN (SELECT value FROM json_each(?))`);

  return {
    insert(data: DossierData, now: string): number {
      return Number(insert.run(values(data), now, now).lastInsertRowid);
    },
    update(id: number, data: DossierData, now: string): void {
      update.run(values(data), now, id);
    },
    setArchived(id: number, archivedAt: string | null, now: string): void {
      setArchived.run({ id, archivedAt, now });
    },
    get(id: number): Dossier | null {
      const row = byId.get(id) as DossierRow | undefined;
      return row ? toDossier(row) : null;
    },
    /** getByCreditCode for many codes in one query (imports); absent codes map to null. */
    getByCreditCodes(codes: readonly string[]): Map<string, Dossier | null> {
      const found = new Map<string, Dossier | null>(codes.map((c) => [c, null]));
      for (const row of byCodes.all(JSON.stringify(codes)) as DossierRow[]) found.set(row.credit_code, toDossier(row));
      return found;
    },
    getByCreditCode(code: string): Dossier | null {
      const row = byCode.get(code) as DossierRow | undefined;
      return row ? toDossier(row) : null;
    },
    list(query: { search: string; status: 'active' | 'archived' | 'all'; offset: number; limit: number }): { items: DossierSummary[]; total: number } {
      const where: string[] = [];
      const args: string[] = [];
      if (query.status === 'active') where.push('archived_at IS NULL');
      if (query.status === 'archived') where.push('archived_at IS NOT NULL');
      // Every whitespace-separated term must occur somewhere: as a substring of the names, code, people and
      // places (works for 2-character Chinese words), of the pinyin initials of name, city and province, or
      // of their full pinyin from a syllable start ("hz", "HZ", "hangz", "hangzhou" all find 杭州…).
      for (const term of query.search.toLowerCase().split(/\s+/).filter(Boolean)) {
        const folded = term.normalize('NFKC');
        where.push("(search_text LIKE ? ESCAPE '\\' OR pinyin_initials LIKE ? ESCAPE '\\' OR pinyin_full LIKE ? ESCAPE '\\')");
        args.push(likeContaining(term), likeContaining(folded), likeContaining(SEARCH_SEPARATOR + folded));
      }
      const columns = pageColumns;
      // The in-memory index (dossier-search-index.ts) where this connection keeps one; the same LIKE search in SQL otherwise.
      const indexed = searchDossierIds(db, { terms: query.search.toLowerCase().split(/\s+/).filter(Boolean), status: query.status, offset: query.offset, limit: query.limit });
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = indexed ? indexed.total : (db.prepare(`SELECT count(*) AS n FROM dossiers ${clause}`).get(...args) as { n: number }).n;
      const byId = indexed && new Map((pageByIds.all(JSON.stringify(indexed.ids)) as { id: number }[]).map((r) => [r.id, r]));
      const rows = (byId ? indexed.ids.map((id) => byId.get(id)!) : db.prepare(`SELECT ${columns} FROM dossiers ${clause} ORDER BY name_sort, legal_name, id LIMIT ? OFFSET ?`).all(...args, query.limit, query.offset)) as (Pick<DossierRow, 'id' | 'identity_kind' | 'legal_name' | 'credit_code' | 'province' | 'city' | 'registered_capital_yuan' | 'taxpayer_type' | 'archived_at' | 'updated_at'> & { capability_count: number })[];
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          identityKind: r.identity_kind,
          legalName: r.legal_name,
          // A list never carries a person's number in full (identity.ts); search still matches it whole.
          creditCode: displayIdentityNumber(r.identity_kind, r.credit_code),
          province: r.province,
          city: r.city,
          registeredCapitalWan: r.registered_capital_yuan / 10_000,
          taxpayerType: r.taxpayer_type,
          capabilityCount: r.capability_count,
          archivedAt: r.archived_at,
          updatedAt: r.updated_at,
        })),
      };
    },
  };
}
export type DossierRepo = ReturnType<typeof buildRepo>;
