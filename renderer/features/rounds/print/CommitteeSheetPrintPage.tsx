// The committee summary sheet on A4 (issue 11): every member with their role, sheet progress and when it was
// submitted, and a line for each to sign — the paper record that the sheets are theirs.
import './print.css';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Member, Round } from '../../../../shared/rounds/views';
import { navigate } from '../../../app/router';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { usePrintMode } from './print-mode';

export function CommitteeSheetPrintPage({ roundId }: { roundId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [data, setData] = useState<{ round: Round; members: Member[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePrintMode();

  useEffect(() => {
    void (async () => {
      const [round, members] = await Promise.all([api['rounds.get']({ id: roundId }), api['members.list']({ roundId })]);
      if (!round.ok) return setError(errorText(round.error));
      if (!members.ok) return setError(errorText(members.error));
      // The chair first, as the list's signatures are.
      setData({ round: round.value, members: [...members.value].sort((a, b) => Number(b.role === 'chair') - Number(a.role === 'chair')) });
    })();
  }, [roundId]);

  const toolbar = (
    <div className="print-toolbar">
      <button type="button" onClick={() => navigate({ page: 'round', id: roundId, tab: 'scoring' })}>{t('common.back')}</button>
      <button type="button" className="primary" disabled={!data} onClick={() => window.print()}>{t('print.print')}</button>
      <span className="muted small">{t('print.pdfHint')}</span>
    </div>
  );
  if (error) return <div className="print-page">{toolbar}<p className="empty" role="alert">{error}</p></div>;
  if (!data) return <p className="empty">{t('common.loading')}</p>;
  return (
    <div className="print-page">
      {toolbar}
      <article className="print-sheet committee-sheet-print">
        <header className="print-header">
          <h1>{t('committeePrint.title', { round: data.round.name })}</h1>
        </header>
        <p>{t('committeePrint.statement')}</p>
        <table className="print-table committee-sign-table">
          <thead>
            <tr>
              <th>{t('committee.name')}</th>
              <th>{t('committee.role')}</th>
              <th className="num">{t('committee.progress')}</th>
              <th>{t('committee.submittedAt')}</th>
              <th className="sign-col">{t('committeePrint.signature')}</th>
              <th className="date-col">{t('committeePrint.date')}</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{t(m.role === 'chair' ? 'committee.role.chair' : 'committee.role.member')}</td>
                <td className="num">{m.filled}/{m.required}</td>
                <td>{m.submittedAt ? formatDateTime(m.submittedAt, locale) : t('committee.notSubmitted')}</td>
                <td className="sign-col" />
                <td className="date-col" />
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  );
}
