// The ranked selection list (入选名单) laid out for A4: round, program, dates, one table per region, the
// committee and signature lines, and for a finalized list the history fingerprint (修改记录核验码) in the footer. 打印 opens the system print dialog, where Electron and browsers both offer
// "save as PDF". The rows come from selectionRows, the same rows every export uses, so paper and files agree.
import './print.css';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Program, Round } from '../../../../shared/rounds/views';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { selectionRows } from '../../../../shared/rounds/selection-list';
import { navigate } from '../../../app/router';
import { translate, useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDay } from '../../../lib/format';
import { rankingViewer, useCurrentMemberId } from '../current-member';
import { PrintRegion } from './PrintRegion';
import { PrintSignatures } from './PrintSignatures';
import { PrintAppendix } from './PrintAppendix';
import { finalizerText } from '../ranking/ChairConfirm';

/** Scopes the print rules (print.css) to this page: the class is on <body> only while it is mounted. */
const BODY_CLASS = 'round-print-mode';

/** The calendar day of an instant where the committee is (the machine's time zone), as YYYY-MM-DD. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function RoundPrintPage({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const currentMemberId = useCurrentMemberId(id);
  const [data, setData] = useState<{ round: Round; program: Program | null; results: RoundResults } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, []);

  useEffect(() => {
    void (async () => {
      const [round, programs, members] = await Promise.all([api['rounds.get']({ id }), api['programs.list']({}), api['members.list']({ roundId: id })]);
      if (!round.ok) return setError(errorText(round.error));
      // As on the ranking tab (rankingViewer: the member at the keyboard, else the chair as chair): before
      // finalization, never ask for results the viewer may not see yet.
      const who = rankingViewer(members.ok ? members.value : [], currentMemberId, round.value.status === 'finalized');
      if (!who.mayView) {
        const name = who.viewer?.name ?? '';
        return setError(who.reason === 'noMember' ? translate('ranking.gate.noMember') : translate(who.reason === 'chairNotSubmitted' ? 'ranking.gate.chairNotSubmitted' : 'ranking.gate.notSubmitted', { name }));
      }
      const results = await api['ranking.results']({ roundId: id, viewerMemberId: who.viewer?.id ?? null });
      if (!results.ok) return setError(errorText(results.error));
      const program = programs.ok ? (programs.value.find((p) => p.id === round.value.programId) ?? null) : null;
      setData({ round: round.value, program, results: results.value });
    })();
  }, [id, currentMemberId]);

  const back = () => navigate({ page: 'round', id, tab: 'ranking' });
  const toolbar = (
    <div className="print-toolbar">
      <button type="button" onClick={back}>{t('common.back')}</button>
      <button type="button" className="primary" disabled={!data} onClick={() => window.print()}>{t('print.print')}</button>
      <span className="muted small">{t('print.pdfHint')}</span>
    </div>
  );
  if (error) {
    return (
      <div className="print-page">
        {toolbar}
        <p className="empty" role="alert">{error}</p>
      </div>
    );
  }
  if (!data) return <p className="empty">{t('common.loading')}</p>;

  const { round, program, results } = data;
  const rows = selectionRows(results);
  const regionIds = [...round.regions.map((r) => r.id).filter((rid) => rows.some((row) => row.regionId === rid)), ...new Set(rows.map((r) => r.regionId).filter((rid) => !round.regions.some((r) => r.id === rid)))];
  const members = Object.entries(results.labels.members).map(([memberId, m]) => ({ id: memberId, ...m }));

  return (
    <div className="print-page">
      {toolbar}
      <article className="print-sheet">
        <header className="print-header">
          <h1>{t('print.title', { round: results.roundName })}</h1>
          {program && <p className="print-program">{program.platform} · {program.name}</p>}
          <p className="print-meta">
            <span>{t('print.referenceDate', { date: formatDay(results.referenceDate, locale) })}</span>
            <span>{t('print.printedOn', { date: formatDay(localDay(new Date()), locale) })}</span>
            <span>{results.finalized ? t('print.finalized', { date: formatDay(localDay(new Date(results.finalized.at)), locale), by: finalizerText(t, results.finalized) }) : t('print.notFinalized')}</span>
          </p>
        </header>
        {!results.finalized && <p className="print-draft">{t('print.draftNotice')}</p>}
        {rows.some((r) => r.provisional) && <p className="print-draft">{t('ranking.provisionalNotice')}</p>}
        {regionIds.map((regionId) => (
          <PrintRegion key={regionId} results={results} regionId={regionId} rows={rows.filter((r) => r.regionId === regionId)} />
        ))}
        <PrintSignatures members={members} />
        <PrintAppendix results={results} rows={rows} />
        {results.finalized?.fingerprint && (
          // The paper anchor of the change history (issue 9): a later rewrite of the history no longer
          // produces this fingerprint (checked on the backup page).
          <footer className="print-fingerprint" data-fingerprint={results.finalized.fingerprint}>
            <p>{t('print.fingerprint', { fingerprint: results.finalized.fingerprint })}</p>
            <p className="print-fingerprint-hint">{t('print.fingerprintHint')}</p>
          </footer>
        )}
      </article>
    </div>
  );
}
