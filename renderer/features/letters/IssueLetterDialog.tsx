// 出具函件: the fields the kind's template (as in force) uses, a live preview of the letter, and what is
// still empty — issuing stays disabled until nothing is, so a blank is never printed. The backend checks
// again, assigns the number (〔year〕第NNN号, per year and kind, never reused) and archives the letter as
// rendered; afterwards the dialog offers the print page (打印 / 另存为 PDF through the system dialog).
// Issuing takes a number for good, so 出具 opens a ConfirmIrreversible step first (issue 11).
// onIssued fires as soon as the letter exists (refresh lists there); the dialog stays open until onClose.
import { useEffect, useMemo, useState } from 'react';
import { formatLetterNumber, isBackdated, missingFields, placeholderLetterNumber, templateProblems, type LetterFields, type LetterKind, type ProgramLetterSettings } from '../../../shared/letters';
import type { EffectiveTemplate, IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { Modal } from '../../components/Modal';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { editableFields, rememberIssuer, startingFields, todayIso, yearOfLetterDate } from './issue-fields';
import { KIND_LABEL } from './labels';
import { LetterFieldInputs } from './LetterFieldInputs';
import { LetterPreview } from './LetterPreview';
import './letters.css';

export interface IssueLetterDialogProps {
  kind: LetterKind;
  dossierId: number;
  cooperationId?: string | null;
  runId?: string | null;
  initialFields: LetterFields;
  /** The letter settings of the cooperation's program, for the reason category's suggestions. */
  programSettings?: ProgramLetterSettings | null;
  onClose: () => void;
  onIssued: (letter: IssuedLetter) => void;
}

export function IssueLetterDialog({ kind, dossierId, cooperationId, runId, initialFields, programSettings, onClose, onIssued }: IssueLetterDialogProps) {
  const t = useT();
  const [template, setTemplate] = useState<EffectiveTemplate | null>(null);
  const [values, setValues] = useState<LetterFields>(() => startingFields(initialFields, todayIso()));
  const [yearText, setYearText] = useState<string | null>(null); // null: follow the letter date
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLetter | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void api['letters.templates']({}).then((r) => {
      if (!r.ok) return setError(errorText(r.error));
      const found = r.value.find((x) => x.kind === kind);
      if (found) setTemplate(found);
      else setError(t('letters.issue.noTemplate'));
    });
  }, [kind]);

  const dateYear = yearOfLetterDate(values.letterDate);
  const year = yearText !== null ? Number(yearText) : (dateYear ?? new Date().getFullYear());
  const yearValid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  // The number is taken only when the letter is issued: until then the sheet shows 〔2026〕?号.
  const previewFields = useMemo<LetterFields>(() => ({ ...values, letterNumber: placeholderLetterNumber(template?.prefix ?? '', yearValid ? year : null, template?.numberStyle) }), [values, template, year, yearValid]);
  const backdated = isBackdated(values);
  const [backdateReason, setBackdateReason] = useState('');
  const missing = useMemo(() => (template ? missingFields(template, previewFields) : []), [template, previewFields]);
  const problems = useMemo(() => (template ? templateProblems(template) : []), [template]);
  const canIssue = template !== null && missing.length === 0 && problems.length === 0 && yearValid && !busy && !issued && (!backdated || backdateReason.trim() !== '');

  async function issue(): Promise<string | null> {
    if (!canIssue) return null;
    setBusy(true);
    setError(null);
    const fields = Object.fromEntries(editableFields(template.text).map((f) => [f, (values[f] ?? '').trim()])) as LetterFields;
    const result = await api['letters.issue']({ kind, dossierId, cooperationId: cooperationId ?? null, runId: runId ?? null, fields, year, backdateReason: backdated ? backdateReason.trim() : null });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return null;
    }
    rememberIssuer(fields);
    setIssued(result.value);
    onIssued(result.value);
    return null;
  }

  const title = t('letters.issue.title', { kind: t(KIND_LABEL[kind]) });
  return (
    <Modal title={title} onCancel={busy ? undefined : onClose} labelledBy="letter-issue-title">
      <div className="letter-issue" data-testid="issue-letter-dialog">
        {error && <p className="banner error" role="alert">{error}</p>}
        {issued ? (
          <IssuedNotice letter={issued} onClose={onClose} />
        ) : !template ? (
          !error && <p className="muted">{t('common.loading')}</p>
        ) : (
          <div className="letter-issue-body">
            <form className="letter-issue-form" onSubmit={(e) => (e.preventDefault(), canIssue && setConfirming(true))}>
              <LetterFieldInputs kind={kind} fields={editableFields(template.text)} values={values} missing={new Set(missing)} disabled={busy} programSettings={programSettings} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
              <div className="field letter-issue-year">
                <label htmlFor="letter-issue-year">{t('letters.issue.year')}</label>
                <input id="letter-issue-year" type="number" min={2000} max={2100} value={yearText ?? String(year)} disabled={busy} onChange={(e) => setYearText(e.target.value)} />
                <span className="muted small">{t('letters.issue.yearHint', { example: formatLetterNumber(template.prefix, yearValid ? year : 2026, 1, template.numberStyle) })}</span>
                {dateYear !== null && yearValid && dateYear !== year && <span className="field-error">{t('letters.issue.yearMismatch', { year: dateYear })}</span>}
              </div>
              {backdated && (
                <div className="field wide letter-backdate">
                  <span className="field-error">{t('letters.issue.backdateHint', { effective: values.effectiveDate ?? '', dated: values.letterDate ?? '' })}</span>
                  <label htmlFor="letter-backdate-reason">{t('letters.issue.backdateReason')}</label>
                  <input id="letter-backdate-reason" value={backdateReason} maxLength={500} disabled={busy} onChange={(e) => setBackdateReason(e.target.value)} />
                </div>
              )}
              <div className="modal-actions">
                <button type="button" onClick={onClose} disabled={busy}>{t('common.cancel')}</button>
                <button type="submit" className="primary" disabled={!canIssue} title={missing.length > 0 ? t('letters.issue.blocked') : undefined}>
                  {busy ? t('letters.issue.issuing') : t('letters.issue.issue')}
                </button>
              </div>
            </form>
            <LetterPreview template={template} fields={previewFields} scale={0.5} />
            {confirming && (
              <ConfirmIrreversible
                testId="letter-issue-confirm"
                title={t('letters.issueConfirm.title', { kind: t(KIND_LABEL[kind]) })}
                consequences={[
                  t('letters.issueConfirm.number', { number: previewFields.letterNumber ?? '' }),
                  t('letters.issueConfirm.addressee', { addressee: values.addressee ?? '' }),
                  t('letters.issueConfirm.archive'),
                ]}
                confirmLabel={t('letters.issueConfirm.confirm')}
                onConfirm={issue}
                onCancel={() => setConfirming(false)}
              />
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}

function IssuedNotice({ letter, onClose }: { letter: IssuedLetter; onClose: () => void }) {
  const t = useT();
  const print = () => {
    onClose();
    navigate({ page: 'letters-print', ids: [letter.id] });
  };
  return (
    <div className="letter-issued" role="status">
      <p>{t('letters.issue.done', { number: letter.number })}</p>
      <p className="muted small">{t('letters.print.pdfHint')}</p>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('common.close')}</button>
        <button type="button" className="primary" onClick={print}>{t('letters.issue.print')}</button>
      </div>
    </div>
  );
}
