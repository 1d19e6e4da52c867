// 评审批次: every round with its program, status and size; a new round starts here. On first use, when there
// is no round yet, the demo round (安心鉴) shows the whole flow with realistic data.
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { toastError } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { ProgressBar } from '../../components/ProgressBar';
import { newJobId, withProgress } from '../../lib/progress';
import { useLoad } from './common/use-load';
import { NewRoundDialog } from './list/NewRoundDialog';
import { SheetsSubmitted } from './list/SheetsSubmitted';
import { ImportPackageDialog } from '../exchange/ImportPackageDialog';
import { IdentityPanel } from '../exchange/IdentityPanel';
import './common/rounds-ui.css';

export function RoundsListPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { data: rounds, error } = useLoad(() => api['rounds.list']({}), []);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState<{ done: number; total: number } | null>(null);
  const closeDialog = useCallback(() => setCreating(false), []);

  async function loadDemo() {
    setLoadingDemo({ done: 0, total: 0 });
    const jobId = newJobId();
    const result = await withProgress(jobId, api['demo.load']({ jobId }), (done, total) => setLoadingDemo({ done, total }));
    setLoadingDemo(null);
    if (!result.ok) return toastError(result.error);
    navigate({ page: 'round', id: result.value.roundId, tab: 'setup' });
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('rounds.list.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => setImporting(true)}>{t('exchange.importPackage')}</button>
          <button type="button" className="primary" onClick={() => setCreating(true)}>{t('rounds.list.new')}</button>
        </div>
      </div>
      {error && <p className="banner error" role="alert">{error}</p>}
      {!rounds ? (
        !error && <p className="empty">{t('common.loading')}</p>
      ) : rounds.length === 0 ? (
        <div className="empty rounds-empty">
          <p>{t('rounds.list.empty')}</p>
          <div className="actions center">
            <button type="button" className="primary" onClick={() => setCreating(true)}>{t('rounds.list.new')}</button>
            <button type="button" onClick={() => void loadDemo()} disabled={loadingDemo !== null}>{t('rounds.list.loadDemo')}</button>
          </div>
          <p className="hint">{t('rounds.list.demoHint')}</p>
          {loadingDemo && <ProgressBar done={loadingDemo.done} total={loadingDemo.total} label={t('rounds.list.loadingDemo')} />}
        </div>
      ) : (
        <table className="table rounds-table">
          <thead>
            <tr>
              <th>{t('rounds.col.name')}</th>
              <th>{t('rounds.col.program')}</th>
              <th>{t('rounds.col.status')}</th>
              <th className="num">{t('rounds.col.regions')}</th>
              <th className="num">{t('rounds.col.applications')}</th>
              <th className="num">{t('rounds.col.members')}</th>
              <th>{t('rounds.col.sheets')}</th>
              <th>{t('rounds.col.referenceDate')}</th>
              <th>{t('rounds.col.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td><a href={`#/rounds/${r.id}/${r.origin === 'package' ? 'scoring' : 'setup'}`}>{r.name}</a></td>
                <td>
                  {r.programName}
                  <span className="tag">{r.platform}</span>
                </td>
                <td>
                  <span className={r.status === 'finalized' ? 'tag ok' : 'tag warn'}>{t(`round.status.${r.status}`)}</span>
                  {r.origin === 'package' && <span className="tag">{t('exchange.packageRound')}</span>}
                </td>
                <td className="num">{r.regionCount}</td>
                <td className="num">{r.applicationCount}</td>
                <td className="num">{r.memberCount}</td>
                <td><SheetsSubmitted sheets={r.sheets} /></td>
                <td>{formatDay(r.referenceDate, locale)}</td>
                <td>{formatDateTime(r.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewRoundDialog onClose={closeDialog} />}
      {importing && <ImportPackageDialog onClose={() => setImporting(false)} />}
      <IdentityPanel />
    </section>
  );
}
