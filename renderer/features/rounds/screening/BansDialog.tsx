// 再准入限制: the bans not lifted, each with its program (「全部项目」 for bans recorded before bans had one),
// its start and end, who recorded them; recording one for a program and lifting one from a date, with a reason.
import { useCallback, useState } from 'react';
import { useLoad } from '../common/use-load';
import { today } from '../common/form-utils';
import { api } from '../../../api/client';
import type { ReadmissionBan } from '../../../../shared/rounds/views';
import { Modal } from '../../../components/Modal';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime, formatDay } from '../../../lib/format';
import { banReasonLabel } from './rule-reason';
import { BanForm } from './BanForm';
import { DateInput } from '../../../components/DateInput';

interface Props {
  bans: readonly ReadmissionBan[];
  /** The round whose applicants the form offers by credit code (read when the dialog opens). */
  roundId: string;
  /** The round's program: its bans come first and it is the default for a new one. */
  programId: string;
  regionNames: readonly string[];
  onChanged: () => Promise<void>;
  onClose: () => void;
}

export function BansDialog({ bans, roundId, programId, regionNames, onChanged, onClose }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [lifting, setLifting] = useState<ReadmissionBan | null>(null);
  // The names of the round's applicants the bans name (the tab holds only the screening rows in view).
  const codes = [...new Set(bans.map((b) => b.creditCode))].slice(0, 2000);
  const codesKey = codes.join(',');
  const named = useLoad(() => api['applications.namesByCode']({ roundId, creditCodes: codes }), [roundId, codesKey]);
  const names = new Map(Object.entries(named.data ?? {}));
  const stopLifting = useCallback(() => setLifting(null), []);
  const programs = useLoad(() => api['programs.list']({}), []);
  // This round's program first (with the unscoped ones that apply to it too), then the others.
  const concerns = (b: ReadmissionBan) => b.programId === null || b.programId === programId;
  const shown = [...bans.filter(concerns), ...bans.filter((b) => !concerns(b))];

  if (lifting) return <LiftDialog ban={lifting} onDone={onChanged} onClose={stopLifting} />;
  return (
    <Modal title={t('screening.bans.title')} onCancel={onClose}>
      <div className="dialog-wide bans-dialog">
        <p className="hint">{t('screening.bans.hint')}</p>
        {bans.length === 0 ? (
          <p className="empty compact">{t('screening.bans.empty')}</p>
        ) : (
          <div className="bans-scroll">
            <table className="table compact bans-table">
              <thead>
                <tr>
                  <th>{t('screening.bans.creditCode')}</th>
                  <th>{t('screening.bans.program')}</th>
                  <th>{t('screening.bans.reason')}</th>
                  <th>{t('screening.bans.startsOn')}</th>
                  <th>{t('screening.bans.until')}</th>
                  <th>{t('screening.bans.recorded')}</th>
                  <th aria-label={t('setup.actions')} />
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr key={b.id} className={concerns(b) ? undefined : 'muted'}>
                    <td>
                      <span className="mono">{b.creditCode}</span>
                      {names.get(b.creditCode) && <div className="small">{names.get(b.creditCode)}</div>}
                    </td>
                    <td>
                      {b.programId === null ? <span title={t('screening.bans.allProgramsHint')}>{t('screening.bans.allPrograms')}</span> : b.programName}
                      {b.programId === programId && <div className="small muted">{t('screening.bans.thisProgram')}</div>}
                    </td>
                    <td>
                      {banReasonLabel(b.reason, locale)}
                      {b.regionNames.length > 0 && <div className="small">{t('screening.bans.regionsShown', { regions: b.regionNames.join(locale === 'zh-CN' ? '、' : ', ') })}</div>}
                      {b.note && <div className="small muted">{b.note}</div>}
                    </td>
                    <td>{formatDay(b.startsOn, locale)}</td>
                    <td>{b.until ? formatDay(b.until, locale) : <strong>{t('screening.bans.never')}</strong>}</td>
                    <td className="small">{b.createdBy}<div className="muted">{formatDateTime(b.createdAt, locale)}</div></td>
                    <td className="row-actions"><button type="button" className="link danger-text" onClick={() => setLifting(b)}>{t('screening.bans.lift')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {programs.data && (
          <BanForm
            roundId={roundId}
            programs={programs.data}
            programId={programId}
            regionSuggestions={regionNames}
            onAdded={onChanged}
          />
        )}
        {programs.error && <p className="field-error" role="alert">{programs.error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
      </div>
    </Modal>
  );
}

function LiftDialog({ ban, onDone, onClose }: { ban: ReadmissionBan; onDone: () => Promise<void>; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [liftedOn, setLiftedOn] = useState(() => (today() < ban.startsOn ? ban.startsOn : today()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function lift(event: React.FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('error.required'));
    setBusy(true);
    const result = await api['bans.lift']({ id: ban.id, reason, liftedOn });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('screening.bans.lifted', { code: ban.creditCode }));
    await onDone();
    onClose();
  }
  return (
    <Modal title={t('screening.bans.liftTitle')} onCancel={onClose}>
      <form onSubmit={lift} noValidate>
        <p>{t('screening.bans.liftBody', { code: ban.creditCode })}</p>
        <label className="field">
          <span>{t('screening.bans.liftedOn')}</span>
          <DateInput value={liftedOn} min={ban.startsOn} onValue={setLiftedOn} />
          <span className="hint">{t('screening.bans.liftedOnHint', { date: ban.startsOn })}</span>
        </label>
        <label className="field">
          <span>{t('screening.reasonLabel')}</span>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-invalid={error ? true : undefined} />
          {error && <span className="field-error" role="alert">{error}</span>}
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="danger" disabled={busy}>{t('screening.bans.lift')}</button>
        </div>
      </form>
    </Modal>
  );
}
