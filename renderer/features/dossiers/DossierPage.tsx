import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CallOutput } from '../../../shared/api/contract';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText, toastError } from '../../lib/errors';
import { formatDay, formatWan, formatYuan } from '../../lib/format';
import { ConfirmDialog } from '../../components/Modal';
import { dataOf } from './dossier-data';
import { DossierForm } from './DossierForm';
import { AttachmentsPanel } from './AttachmentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { LettersPanel } from '../letters';

type Detail = CallOutput<'dossiers.get'>;

export function DossierPage({ id }: { id: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);

  const load = useCallback(async () => {
    const result = await api['dossiers.get']({ id });
    if (result.ok) setDetail(result.value);
    else setMissing(errorText(result.error));
    setHistoryVersion((v) => v + 1);
  }, [id]);

  useEffect(() => void load(), [load]);

  async function setArchived(archived: boolean) {
    setConfirmArchive(false);
    const result = await api['dossiers.setArchived']({ id, archived });
    if (!result.ok) return toastError(result.error);
    await load();
    const name = result.value.legalName;
    if (archived) toast('info', t('dossier.archived', { name }), { label: t('common.undo'), run: () => void setArchived(false) });
    else toast('success', t('dossier.restored', { name }));
  }

  if (missing) return <p className="empty" role="alert">{missing}</p>;
  if (!detail) return <p className="empty">{t('common.loading')}</p>;
  const { dossier } = detail;

  return (
    <section className="page">
      <div className="page-header">
        <h1>{dossier.legalName}</h1>
        <div className="actions">
          <button type="button" onClick={() => navigate({ page: 'dossiers' })}>{t('common.back')}</button>
          {dossier.archivedAt ? (
            <button type="button" onClick={() => void setArchived(false)}>{t('dossier.restore')}</button>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmArchive(true)}>{t('dossier.archive')}</button>
          )}
        </div>
      </div>
      <p className="facts" data-testid="dossier-facts">
        {/* The dossier page is where a person's ID number is shown in full, labelled by kind. */}
        <span className="mono" title={t(dossier.identityKind === 'individual' ? 'dossier.field.residentId' : 'dossier.field.creditCode')}>
          {dossier.identityKind === 'individual' && <span className="tag">{t('identityKind.individual')}</span>} {dossier.creditCode}
        </span>
        <span>{dossier.province} {dossier.city}</span>
        {dossier.identityKind !== 'individual' && <span>{t('dossier.fact.capital', { value: formatWan(dossier.registeredCapitalWan, locale) })}</span>}
        <span>{t('dossier.fact.established', { value: formatDay(dossier.establishedOn, locale) })}</span>
        <span>{t('dossier.fact.deposit', { value: formatYuan(dossier.depositPaidYuan, locale) })}</span>
        <span>{t('dossier.fact.price', { value: formatYuan(dossier.priceQuoteYuan, locale) })}</span>
      </p>
      {dossier.archivedAt && <div className="banner">{t('dossier.archivedBanner', { date: formatDay(dossier.archivedAt.slice(0, 10), locale) })}</div>}
      <div className="two-columns">
        <DossierForm
          key={dossier.version}
          initial={dataOf(dossier)}
          submitLabel={t('common.save')}
          onSubmit={async (data) => {
            const result = await api['dossiers.update']({ id, version: dossier.version, data });
            if (!result.ok) {
              toast('error', errorText(result.error));
              return result.error;
            }
            toast('success', t('dossier.saved'));
            setDetail({ ...detail, dossier: result.value });
            setHistoryVersion((v) => v + 1);
            return null;
          }}
        />
        <aside className="side">
          <AttachmentsPanel dossierId={id} attachments={detail.attachments} onChange={load} />
          <LettersPanel dossierId={id} />
          <HistoryPanel dossierId={id} refreshKey={historyVersion} />
        </aside>
      </div>
      {confirmArchive && (
        <ConfirmDialog
          title={t('dossier.archive')}
          body={t('dossier.archiveConfirm', { name: dossier.legalName })}
          confirmLabel={t('dossier.archive')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void setArchived(true)}
          onCancel={() => setConfirmArchive(false)}
        />
      )}
    </section>
  );
}
