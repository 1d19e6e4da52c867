import type { Database } from 'better-sqlite3';
import type { Migration } from './types';
import { pinyinSearchColumns, pinyinSortKey } from '../../../shared/common/pinyin';

/** The pinyin columns of one dossier; the repo writes the same on every insert and update. */
export function dossierPinyinColumns(d: { legalName: string; city: string; province: string }) {
  const { initials, full } = pinyinSearchColumns(d.legalName, d.city, d.province);
  return { pinyin_initials: initials, pinyin_full: full, name_sort: pinyinSortKey(d.legalName) };
}

/** Fills the pinyin columns of every dossier from its stored fields. Idempotent: same rows in, same keys out. */
export function backfillDossierPinyin(db: Database): number {
  const rows = db.prepare('SELECT id, legal_name, city, province FROM dossiers').all() as { id: number; legal_name: string; city: string; province: string }[];
  const update = db.prepare('UPDATE dossiers SET pinyin_initials = @pinyin_initials, pinyin_full = @pinyin_full, name_sort = @name_sort WHERE id = @id');
  for (const r of rows) update.run({ id: r.id, ...dossierPinyinColumns({ legalName: r.legal_name, city: r.city, province: r.province }) });
  return rows.length;
}

// Pinyin search and order for dossiers (issue 7): 杭州… is found by "hz", "hangzhou", "hangz"; lists are in
// pinyin order. SQLite cannot collate zh-CN, so the order is a stored byte-comparable key. Derived columns
// only (computed from legal_name, city, province), so they never enter the change log. Additive.
export const m007DossierPinyin: Migration = {
  version: 7,
  name: 'dossier pinyin search and sort keys',
  up: (db) => {
    db.exec(`
      -- Pinyin haystacks of the legal name, city and province (pinyinSearchColumns, shared/common/pinyin.ts):
      -- the initials, matched anywhere, and the full pinyin from every syllable start, matched as a prefix.
      ALTER TABLE dossiers ADD COLUMN pinyin_initials TEXT NOT NULL DEFAULT '';
      ALTER TABLE dossiers ADD COLUMN pinyin_full TEXT NOT NULL DEFAULT '';
      -- pinyinSortKey(legal_name): ORDER BY name_sort, legal_name, id is pinyin order.
      ALTER TABLE dossiers ADD COLUMN name_sort TEXT NOT NULL DEFAULT '';
      -- The active list (the usual one) walks this index in order and tests every haystack on the index
      -- entry, visiting the table only for the rows of the page it returns; no sort step.
      CREATE INDEX dossiers_name_sort ON dossiers (archived_at, name_sort, legal_name, id, search_text, pinyin_initials, pinyin_full);
      -- "All" and "archived" lists walk the pinyin order here.
      CREATE INDEX dossiers_name_order ON dossiers (name_sort, legal_name, id);
    `);
    backfillDossierPinyin(db);
  },
};
