// One member's score sheet on A4 (issue 11), to sign and file: the round, the member, every score in the
// order the grid shows them (grouped by region), comments, whether the sheet is submitted, and a signature
// line. Only the member at the keyboard opens it, from their own sheet; print.css lays it out (named page).
import './print.css';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Member, Round, ScoreSheet } from '../../../../shared/rounds/views';
import { navigate } from '../../../app/router';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { criterionLabel } from '../scoring/criterion-label';
import { formatScore } from '../scoring/parse-score';
import { groupByRegion, type ScoringApplication } from '../scoring/score-order';
import { usePrintMode } from './print-mode';

interface Data {
  round: Round;
  sheet: ScoreSheet;
  member: Member | null;
  applications: Record<string, ScoringApplication>;
}

export function ScoreSheetPrintPage({ roundId, memberId }: { roundId: string; memberId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePrintMode();

  useEffect(() => {
    void (async () => {
      const [round, sheet, members, apps] = await Promise.all([api['rounds.get']({ id: roundId }), api['scores.sheet']({ memberId }), api['members.list']({ roundId }), api['applications.list']({ roundId })]);
      if (!round.ok) return setError(errorText(round.error));
      if (!sheet.ok) return setError(errorText(sheet.error));
      const applications = Object.fromEntries((apps.ok ? apps.value : []).map((a) => [a.id, { legalName: a.legalName, creditCode: a.creditCode, dossierId: a.dossierId, priceQuoteYuan: a.priceQuoteYuan, regionIds: a.regionIds }]));
      setData({ round: round.value, sheet: sheet.value, member: members.ok ? (members.value.find((m) => m.id === memberId) ?? null) : null, applications });
    })();
  }, [roundId, memberId]);

  const toolbar = (
    <div className="print-toolbar">
      <button type="button" onClick={() => navigate({ page: 'round', id: roundId, tab: 'scoring' })}>{t('common.back')}</button>
      <button type="button" className="primary" disabled={!data} onClick={() => window.print()}>{t('print.print')}</button>
      <span className="muted small">{t('print.pdfHint')}</span>
    </div>
  );
  if (error) return <div className="print-page">{toolbar}<p className="empty" role="alert">{error}</p></div>;
  if (!data) return <p className="empty">{t('common.loading')}</p>;

  const { round, sheet, member, applications } = data;
  const value = new Map(sheet.cells.map((c) => [`${c.applicationId}|${c.criterion}`, c.value]));
  const comment = new Map(sheet.cells.filter((c) => c.comment).map((c) => [c.applicationId, c.comment]));
  const groups = groupByRegion(sheet.applicationIds, applications, round.regions, t('scoring.grid.noRegion'));
  const showQuote = sheet.criteria.includes('price');
  let position = 0;
  return (
    <div className="print-page">
      {toolbar}
      <article className="print-sheet score-sheet-print">
        <header className="print-header">
          <h1>{t('sheetPrint.title', { round: round.name })}</h1>
          <p className="print-program">{t('sheetPrint.member', { name: sheet.memberName, role: t(member?.role === 'chair' ? 'committee.role.chair' : 'committee.role.member') })}</p>
          <p className="print-meta">
            <span>{t('sheetPrint.scale', { min: sheet.scale.min, max: sheet.scale.max })}</span>
            <span>{sheet.submittedAt ? t('sheetPrint.submitted', { at: formatDateTime(sheet.submittedAt, locale) }) : t('sheetPrint.draft')}</span>
          </p>
        </header>
        {groups.map((g) => (
          <section key={g.regionId ?? 'none'} className="print-region">
            <h2>{g.regionName}</h2>
            <table className="print-table">
              <thead>
                <tr>
                  <th className="num rank">#</th>
                  <th>{t('print.col.name')}</th>
                  {showQuote && <th className="num">{t('scoring.grid.quote')}</th>}
                  {sheet.criteria.map((c) => <th key={c} className="num">{criterionLabel(t, c)}</th>)}
                  <th>{t('scoring.grid.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {g.applicationIds.map((id) => (
                  <tr key={id}>
                    <td className="num">{++position}</td>
                    <td>{applications[id]?.legalName ?? id}</td>
                    {showQuote && <td className="num">{formatYuan(applications[id]?.priceQuoteYuan ?? null, locale)}</td>}
                    {sheet.criteria.map((c) => <td key={c} className="num">{formatScore(value.get(`${id}|${c}`) ?? null) || '—'}</td>)}
                    <td className="small">{comment.get(id) ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section className="print-committee">
          <p>{t('sheetPrint.statement')}</p>
          <div className="signature-lines">
            <div className="signature">
              <span>{t('sheetPrint.signature', { name: sheet.memberName })}</span>
              <span className="blank" />
              <span>{t('print.date')}</span>
              <span className="blank short" />
            </div>
          </div>
        </section>
      </article>
    </div>
  );
}
