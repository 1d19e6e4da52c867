// 申请: the applications of the round — who applied, for which regions in which order, at what price. Add by
// searching the dossiers; withdraw (with 撤销 in the toast) keeps the application and its scores on record.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { Application } from '../../../../shared/rounds/views';
import { compareZh } from '../../../../shared/common/pinyin';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { displayIdentityNumber } from '../../../../shared/dossiers/identity';
import { useRoundContext } from '../round-context';
import { hasShopRules, useProgram } from '../common/program';
import { useLoad } from '../common/use-load';
import { ApplicationDialog } from './ApplicationDialog';
import '../common/rounds-ui.css';
import './applications.css';

export function ApplicationsTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round, reload: reloadRound } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const { data: applications, error, reload } = useLoad(() => api['applications.list']({ roundId: round.id }), [round.id]);
  const { program } = useProgram(round.programId);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{ application: Application | null } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setDialog(null), []);
  const regions = useMemo(() => new Map(round.regions.map((r) => [r.id, r])), [round.regions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !document.querySelector('.modal')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changed = async () => {
    await reload();
    await reloadRound(); // counts and the version on the set-up tab follow
  };

  async function setWithdrawn(application: Application, withdrawn: boolean, undoable = true) {
    const result = await api['applications.setWithdrawn']({ id: application.id, withdrawn });
    if (!result.ok) return toastError(result.error);
    await changed();
    const name = application.legalName;
    if (withdrawn && undoable) toast('info', t('applications.withdrawn', { name }), { label: t('common.undo'), run: () => void setWithdrawn(application, false, false) });
    else toast('success', t(withdrawn ? 'applications.withdrawn' : 'applications.restored', { name }));
  }

  const needle = search.trim().toLowerCase();
  const shown = (applications ?? []).filter((a) => !needle || [a.legalName, a.creditCode, a.city].some((s) => s.toLowerCase().includes(needle))).sort((a, b) => compareZh(a.legalName, b.legalName));
  const withdrawnCount = (applications ?? []).filter((a) => a.withdrawnAt).length;

  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!applications || !program) return <p className="empty">{t('common.loading')}</p>;
  return (
    <div className="applications">
      {readOnly && <div className="banner" role="status">{t('applications.finalizedBanner')}</div>}
      <div className="toolbar">
        <input ref={searchRef} type="search" className="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('applications.search')} aria-label={t('applications.search')} />
        <span className="count">{t('applications.count', { count: applications.length - withdrawnCount, withdrawn: withdrawnCount })}</span>
        <span className="spacer" />
        {!readOnly && (
          <button type="button" className="primary" onClick={() => setDialog({ application: null })} disabled={round.regions.length === 0} title={round.regions.length === 0 ? t('applications.needRegions') : undefined}>
            {t('applications.add')}
          </button>
        )}
      </div>
      {round.regions.length === 0 && <div className="banner">{t('applications.needRegions')}</div>}
      {applications.length === 0 ? (
        <p className="empty">{t('applications.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('applications.noMatch', { search })}</p>
      ) : (
        <table className="table applications-table">
          <thead>
            <tr>
              <th>{t('applications.col.applicant')}</th>
              <th>{t('applications.col.identityNumber')}</th>
              <th>{t('applications.col.city')}</th>
              <th className="num">{t('applications.col.quote')}</th>
              <th>{t('applications.col.regions')}</th>
              <th>{t('applications.col.status')}</th>
              {!readOnly && <th aria-label={t('setup.actions')} />}
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} className={a.withdrawnAt ? 'archived' : ''}>
                <td>
                  <a href={`#/dossiers/${a.dossierId}`}>{a.legalName}</a>
                  {a.identityKind === 'individual' && <span className="tag">{t('identityKind.individual')}</span>}
                  {a.strengthStatement && <span className="tag" title={a.strengthStatement}>{t('applications.hasStatement')}</span>}
                  {a.strengthStatement && <StatementState acceptance={a.statementAcceptance ?? null} />}
                </td>
                {/* A person's 居民身份证号 is masked in this table; the dossier page shows it in full. */}
                <td className="mono small" title={t(a.identityKind === 'individual' ? 'dossier.field.residentId' : 'dossier.field.creditCode')}>{displayIdentityNumber(a.identityKind ?? 'organization', a.creditCode)}</td>
                <td>{a.city}</td>
                <td className="num">{formatYuan(a.priceQuoteYuan, locale)}</td>
                <td>
                  <ol className="pref-list">
                    {a.regionIds.map((id, i) => (
                      <li key={id}><span className="pref-no">{i + 1}</span>{regions.get(id)?.name ?? '—'}</li>
                    ))}
                  </ol>
                </td>
                <td>{a.withdrawnAt ? <span className="tag">{t('applications.status.withdrawn')}</span> : <span className="tag ok">{t('applications.status.active')}</span>}</td>
                {!readOnly && (
                  <td className="row-actions">
                    {!a.withdrawnAt && <button type="button" className="link" onClick={() => setDialog({ application: a })}>{t('setup.edit')}</button>}
                    {a.withdrawnAt ? (
                      <button type="button" className="link" onClick={() => void setWithdrawn(a, false)}>{t('applications.restore')}</button>
                    ) : (
                      <button type="button" className="link danger-text" onClick={() => void setWithdrawn(a, true)}>{t('applications.withdraw')}</button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog && (
        <ApplicationDialog
          roundId={round.id}
          regions={round.regions}
          applications={applications}
          shopRules={hasShopRules(program.rules)}
          statementRule={program.rules.some((r) => r.kind === 'minYearsRegistered' && r.statementSubstitutes)}
          application={dialog.application}
          onSaved={changed}
          onClose={close}
        />
      )}
    </div>
  );
}

/**
 * Whether the committee has accepted the 主体优势说明 (《淘宝直播区域产业服务商准入标准》 "如注册时间未满1年，需补充
 * 主体优势说明"): by whom and when, or still awaiting. The screening tab is where it is accepted.
 */
function StatementState({ acceptance }: { acceptance: { by: string; at: string; reason: string } | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (!acceptance) return <div className="small warn" data-testid="statement-state">{t('applications.statement.awaiting')}</div>;
  return (
    <div className="small muted" data-testid="statement-state" title={acceptance.reason ? t('applications.statement.reason', { reason: acceptance.reason }) : undefined}>
      {t('applications.statement.accepted', { by: acceptance.by, at: formatDateTime(acceptance.at, locale) })}
    </div>
  );
}
