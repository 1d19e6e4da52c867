// One line in words for an entry of the round's history (修改历史), for the entries whose JSON a reader
// cannot take in at a glance: a score import (one entry per member sheet, issue 8: who imported, whose
// sheet, how many scores, from which file), a single score, a submitted sheet. Other entries show their
// action alone. Pure: the dialog passes its translator and the criterion names.
import type { Change } from '../../../../shared/history/schema';
import type { ScoreImportSummary } from '../../../../shared/history/score-import-entry';

export interface HistoryTextContext {
  t: (key: string, params?: Record<string, string | number>) => string;
  criterionName: (key: string) => string;
}

/** The score import summary of an entry, or null (the list comes without the cells: rounds.history). */
export function scoreImportOf(change: Change): ScoreImportSummary | null {
  if (change.action !== 'import' || typeof change.after !== 'object' || change.after === null) return null;
  const summary = (change.after as { scoreImport?: unknown }).scoreImport;
  return typeof summary === 'object' && summary !== null && typeof (summary as ScoreImportSummary).file === 'string' ? (summary as ScoreImportSummary) : null;
}

const shown = (value: unknown) => (typeof value === 'number' ? String(value) : '—');

export function historyDetail(change: Change, { t, criterionName }: HistoryTextContext): string | null {
  const imported = scoreImportOf(change);
  if (imported) {
    const params = { file: imported.file, written: imported.written, unchanged: imported.unchanged, member: imported.memberName ?? '' };
    return imported.memberName ? t('roundHistory.scoreImport', params) : t('roundHistory.scoreImportNothing', params);
  }
  const after = (change.after ?? {}) as Record<string, unknown>;
  const before = (change.before ?? {}) as Record<string, unknown>;
  if ((change.action === 'score' || change.action === 'amend') && typeof after.criterion === 'string') {
    return t('roundHistory.score', { criterion: criterionName(after.criterion), before: shown(before.value), after: shown(after.value) });
  }
  if (change.action === 'submit' && typeof after.cells === 'number') {
    return typeof after.memberName === 'string' ? t('roundHistory.submit', { member: after.memberName, cells: after.cells }) : null;
  }
  return null;
}
