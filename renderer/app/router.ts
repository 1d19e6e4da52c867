// Hash routes: they work the same from file:// (Electron) and from 127.0.0.1 (browser mode).
import { useSyncExternalStore } from 'react';

export const ROUND_TABS = ['setup', 'applications', 'screening', 'committee', 'scoring', 'ranking'] as const;
export type RoundTab = (typeof ROUND_TABS)[number];

export type Route =
  | { page: 'dossiers' }
  | { page: 'dossier-new' }
  | { page: 'dossier'; id: number }
  | { page: 'import' }
  | { page: 'rounds' }
  | { page: 'round'; id: string; tab: RoundTab }
  | { page: 'round-print'; id: string }
  | { page: 'cooperations' }
  | { page: 'cooperation'; id: string }
  | { page: 'assessments' }
  | { page: 'assessment-run'; id: string }
  | { page: 'letters' }
  | { page: 'letters-print'; ids: string[] }
  | { page: 'backup' }
  | { page: 'score-sheet-print'; roundId: string; memberId: string }
  | { page: 'committee-sheet-print'; roundId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/dossiers/new') return { page: 'dossier-new' };
  if (path === '/import') return { page: 'import' };
  const m = /^\/dossiers\/(\d+)$/.exec(path);
  if (m) return { page: 'dossier', id: Number(m[1]) };
  if (path === '/rounds') return { page: 'rounds' };
  const print = /^\/rounds\/([0-9a-f-]{36})\/print$/.exec(path);
  if (print) return { page: 'round-print', id: print[1]! };
  const sheetPrint = /^\/rounds\/([0-9a-f-]{36})\/sheets\/([0-9a-f-]{36})\/print$/.exec(path);
  if (sheetPrint) return { page: 'score-sheet-print', roundId: sheetPrint[1]!, memberId: sheetPrint[2]! };
  const committeePrint = /^\/rounds\/([0-9a-f-]{36})\/committee\/print$/.exec(path);
  if (committeePrint) return { page: 'committee-sheet-print', roundId: committeePrint[1]! };
  const round = /^\/rounds\/([0-9a-f-]{36})(?:\/(\w+))?$/.exec(path);
  if (round) {
    const tab = (ROUND_TABS as readonly string[]).includes(round[2] ?? '') ? (round[2] as RoundTab) : 'setup';
    return { page: 'round', id: round[1]!, tab };
  }
  if (path === '/cooperations') return { page: 'cooperations' };
  const cooperation = /^\/cooperations\/([0-9a-f-]{36})$/.exec(path);
  if (cooperation) return { page: 'cooperation', id: cooperation[1]! };
  if (path === '/assessments') return { page: 'assessments' };
  const run = /^\/assessments\/([0-9a-f-]{36})$/.exec(path);
  if (run) return { page: 'assessment-run', id: run[1]! };
  if (path === '/letters') return { page: 'letters' };
  if (path === '/backup') return { page: 'backup' };
  const lettersPrint = /^\/letters\/print\/([0-9a-f,-]+)$/.exec(path);
  if (lettersPrint) return { page: 'letters-print', ids: lettersPrint[1]!.split(',').filter(Boolean) };
  return { page: 'dossiers' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'dossiers':
      return '#/dossiers';
    case 'dossier-new':
      return '#/dossiers/new';
    case 'dossier':
      return `#/dossiers/${route.id}`;
    case 'import':
      return '#/import';
    case 'rounds':
      return '#/rounds';
    case 'round':
      return `#/rounds/${route.id}/${route.tab}`;
    case 'round-print':
      return `#/rounds/${route.id}/print`;
    case 'cooperations':
      return '#/cooperations';
    case 'cooperation':
      return `#/cooperations/${route.id}`;
    case 'assessments':
      return '#/assessments';
    case 'assessment-run':
      return `#/assessments/${route.id}`;
    case 'letters':
      return '#/letters';
    case 'letters-print':
      return `#/letters/print/${route.ids.join(',')}`;
    case 'backup':
      return '#/backup';
    case 'score-sheet-print':
      return `#/rounds/${route.roundId}/sheets/${route.memberId}/print`;
    case 'committee-sheet-print':
      return `#/rounds/${route.roundId}/committee/print`;
  }
}

/** Set by a page with unsaved changes; navigation asks before discarding them. */
let leaveGuard: (() => boolean) | null = null;
export const setLeaveGuard = (guard: (() => boolean) | null) => void (leaveGuard = guard);

export function navigate(route: Route): void {
  if (leaveGuard && !leaveGuard()) return;
  leaveGuard = null;
  window.location.hash = hrefOf(route);
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
