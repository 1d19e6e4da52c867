// The calls the reader worker may answer (docs/concurrency.md): pure reads, some of them slow (rankings of a
// big round, XLSX exports, walking the history chain), which must not hold up a score being saved.
//
// Kept here rather than as a flag in the contract: it is a property of the backend's handlers (does this
// implementation write?), not of the call's shape, and the contract files are shared by every feature.
// A call listed here by mistake cannot do harm: the reader's connection is read-only at the SQLite level,
// so a write fails (SQLITE_READONLY) before anything changes, and the host runs the call again on the writer.
// test/integration/transport/read-calls.test.ts runs every listed call on a read-only connection.
//
// Not listed, on purpose: session.* (cheap, and the writer answers recovery mode), exchange.* (the writer
// alone holds the identity key), backup.* (the writer owns backups and restore), jobs.progress (the host).
// Also not listed: the reads the scoring and round screens repeat after every save (applications.list,
// members.list, scores.sheet/reveal, screening.list, and the pages of the applications and screening tabs,
// applications.page / screening.page, whose sorted index is cached per screening change). They are fast from the writer's
// fine-grained caches (a score save invalidates neither the screening nor the cell counters),
// whereas the reader can only see "another connection committed" (PRAGMA data_version) and would rebuild all of
// them after every save. The ranking stays here: it is the slow one, and most writes invalidate it anyway.
import type { CallName } from '../../shared/api/call-names';

export const READ_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'dossiers.list',
  'dossiers.get',
  'dossiers.history',
  'dossiers.exportXlsx',
  'dossiers.importTemplate',
  'history.verify',
  'history.findHead',
  'attachments.read',
  'programs.list',
  'programs.kpiRules',
  'rounds.list',
  'rounds.get',
  'rounds.history',
  'rounds.importedCells',
  'rounds.reopenPreview',
  'recusals.list',
  'bans.list',
  'ranking.results',
  'ranking.analysis',
  'ranking.sensitivity',
  'ranking.export',
  'ranking.region',
  'ranking.summary',
  'cooperations.list',
  'cooperations.get',
  'cooperations.waitlist',
  'kpi.figures',
  'assessments.list',
  'assessments.get',
  'letters.templates',
  'letters.list',
  'letters.get',
  'letters.programSettings',
]);

/**
 * Calls that replace the database file: the reader must let go of it first (on Windows an open handle blocks
 * the rename; elsewhere the reader would keep reading the old file) and open the new one afterwards.
 */
export const EXCLUSIVE_CALLS: ReadonlySet<CallName> = new Set<CallName>(['backup.restore']);

export const isReadCall = (name: string): boolean => READ_CALLS.has(name as CallName);
export const isExclusiveCall = (name: string): boolean => EXCLUSIVE_CALLS.has(name as CallName);
