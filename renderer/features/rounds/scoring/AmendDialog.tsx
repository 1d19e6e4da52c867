// 更正: a change to a submitted sheet needs a reason; the backend keeps the earlier value in the history.
import { useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useT } from '../../../i18n/i18n';
import type { ApiError } from '../../../../shared/api/result';
import { criterionLabel } from './criterion-label';
import { formatScore, parseScore } from './parse-score';
import { scoreErrorText } from './use-score-sheet';

interface Props {
  applicationName: string;
  criteria: string[];
  current: Record<string, number | null>;
  scale: { min: number; max: number };
  onAmend: (values: Record<string, number>, reason: string) => Promise<ApiError | null>;
  onClose: () => void;
}

export function AmendDialog({ applicationName, criteria, current, scale, onAmend, onClose }: Props) {
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c, formatScore(current[c] ?? null)])));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const next: Record<string, string> = {};
    const changed: Record<string, number> = {};
    for (const c of criteria) {
      const parsed = parseScore(drafts[c] ?? '', scale);
      if (!parsed.ok) next[c] = t(parsed.key, { min: scale.min, max: scale.max });
      else if (parsed.value === null) next[c] = t('error.required');
      else if (parsed.value !== current[c]) changed[c] = parsed.value;
    }
    if (!reason.trim()) next.reason = t('scoring.amend.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    if (Object.keys(changed).length === 0) return setFailure(t('scoring.amend.nothingChanged'));
    setBusy(true);
    const error = await onAmend(changed, reason.trim());
    setBusy(false);
    if (error) return setFailure(scoreErrorText(error, scale));
    onClose();
  }

  return (
    <Modal title={t('scoring.amend.title', { name: applicationName })} onCancel={onClose} labelledBy="amend-title">
      <p className="muted small">{t('scoring.amend.explain')}</p>
      <div className="amend-fields">
        {criteria.map((c) => (
          <label key={c} className="field">
            <span>{criterionLabel(t, c)}</span>
            <input inputMode="decimal" value={drafts[c] ?? ''} aria-invalid={errors[c] ? true : undefined} onChange={(e) => setDrafts({ ...drafts, [c]: e.target.value })} />
            {errors[c] && <span className="field-error">{errors[c]}</span>}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('scoring.amend.reason')}</span>
        <textarea rows={2} maxLength={500} value={reason} aria-invalid={errors.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
        {errors.reason && <span className="field-error">{errors.reason}</span>}
      </label>
      {failure && <p className="field-error" role="alert">{failure}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>{t('scoring.amend.save')}</button>
      </div>
    </Modal>
  );
}
