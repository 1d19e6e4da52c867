// 出具本次考核的全部函件: one letter per confirmed action that calls for one (整改通知, 终止合作通知), each
// issued through letters.issue — the backend refuses a letter with an empty field, assigns its number and
// archives it — then all of them opened on the print page, one per A4 sheet. What the chair sets once for
// the batch: the letter date, the rectification deadline, the clauses and the issuer block (remembered).
// A refusal is reported per provider; the letters that were issued stay issued and can be printed.
import { useEffect, useState } from 'react';
import { addDays } from '../../../shared/common/dates';
import { fieldsUsed, type LetterField } from '../../../shared/letters';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { FIELD_LABEL, KIND_LABEL } from '../letters/labels';
import { ISSUER_FIELDS, rememberIssuer, rememberedIssuer, todayIso } from '../letters/issue-fields';
import { batchLetterFields, defaultBatchTexts, type BatchSettings, type PlannedLetter } from './letter-batch';
import type { RunContext } from './use-run';

const DEADLINE_DAYS = 15;

interface Props {
  context: RunContext;
  pending: PlannedLetter[];
  onIssued: () => void;
  onClose: () => void;
}

interface Refusal {
  name: string;
  text: string;
}

export function LetterBatchDialog({ context, pending, onIssued, onClose }: Props) {
  const t = useT();
  const [settings, setSettings] = useState<BatchSettings>(() => ({
    letterDate: todayIso(),
    deadline: addDays(context.run.effectiveDate, DEADLINE_DAYS),
    ...defaultBatchTexts(context.program),
    issuer: rememberedIssuer(),
  }));
  const [required, setRequired] = useState<ReadonlySet<LetterField>>(new Set(ISSUER_FIELDS));
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<{ issued: IssuedLetter[]; refused: Refusal[] } | null>(null);
  const kinds = new Set(pending.map((p) => p.kind));

  // The issuer fields the templates in force use are required; the chair may have removed one.
  useEffect(() => {
    void api['letters.templates']({}).then((r) => r.ok && setRequired(new Set(r.value.filter((x) => kinds.has(x.kind)).flatMap((x) => fieldsUsed(x.text)))));
  }, []);

  const set = (patch: Partial<BatchSettings>) => (setSettings((s) => ({ ...s, ...patch })), setProblem(null));
  const setIssuer = (field: LetterField, value: string) => set({ issuer: { ...settings.issuer, [field]: value } });

  function refusalText(error: ApiError): string {
    const fields = (error.issues ?? []).map((i) => i.path.replace(/^fields\./, '')).filter((f): f is LetterField => f in FIELD_LABEL);
    return fields.length ? t('run.batch.missingFields', { fields: fields.map((f) => t(FIELD_LABEL[f])).join('、') }) : errorText(error);
  }

  async function issueAll() {
    const empty = ISSUER_FIELDS.filter((f) => required.has(f) && !settings.issuer[f]?.trim());
    if (empty.length) return setProblem(t('run.batch.fillIn', { fields: empty.map((f) => t(FIELD_LABEL[f])).join('、') }));
    if (!settings.letterDate || (kinds.has('rectificationNotice') && !settings.deadline)) return setProblem(t('run.batch.datesRequired'));
    rememberIssuer(settings.issuer);
    const issued: IssuedLetter[] = [];
    const refused: Refusal[] = [];
    const year = Number(settings.letterDate.slice(0, 4));
    for (const [i, p] of pending.entries()) {
      setProgress(i);
      const name = p.row.entry.legalName;
      if (p.dossierId === null) {
        refused.push({ name, text: t('run.batch.noDossier') });
        continue;
      }
      const fields = batchLetterFields(p, context, settings);
      const result = await api['letters.issue']({ kind: p.kind, dossierId: p.dossierId, cooperationId: p.row.entry.cooperationId, runId: context.run.id, fields, year });
      if (result.ok) issued.push(result.value);
      else refused.push({ name, text: t('run.batch.kindReason', { kind: t(KIND_LABEL[p.kind]), reason: refusalText(result.error) }) });
    }
    setProgress(null);
    onIssued();
    if (refused.length === 0) return navigate({ page: 'letters-print', ids: printIds(issued) });
    setDone({ issued, refused });
  }

  /** Every letter of the run that stands: the ones issued before and the ones just issued. */
  const printIds = (issued: IssuedLetter[]) => [...context.letters.filter((l) => !l.voidedAt), ...issued].map((l) => l.id);

  return (
    <Modal title={t('run.batch.title')} onCancel={progress === null ? onClose : undefined}>
      <div className="letter-batch-dialog">
        {done ? (
          <>
            <p>{t('run.batch.result', { issued: done.issued.length, refused: done.refused.length })}</p>
            <ul className="batch-refusals" data-testid="batch-refusals">
              {done.refused.map((r, i) => <li key={i}>{t('run.batch.refused', { name: r.name, reason: r.text })}</li>)}
            </ul>
            <div className="modal-actions">
              <button type="button" onClick={onClose}>{t('common.close')}</button>
              {done.issued.length > 0 && <button type="button" className="primary" onClick={() => navigate({ page: 'letters-print', ids: printIds(done.issued) })}>{t('run.batch.print', { count: done.issued.length })}</button>}
            </div>
          </>
        ) : (
          <>
            <p>{t('run.batch.intro', { count: pending.length })}</p>
            <ul className="batch-list">
              {pending.map((p) => <li key={`${p.row.entry.cooperationId}-${p.kind}`}>{p.row.entry.legalName} — {t(KIND_LABEL[p.kind])}</li>)}
            </ul>
            <div className="batch-fields">
              <label className="field">{t('run.batch.letterDate')}<input type="date" value={settings.letterDate} onChange={(e) => set({ letterDate: e.target.value })} /></label>
              {kinds.has('rectificationNotice') && (
                <label className="field">{t('run.batch.deadline')}<input type="date" value={settings.deadline} onChange={(e) => set({ deadline: e.target.value })} /></label>
              )}
              {kinds.has('rectificationNotice') && (
                <label className="field wide">{t('run.batch.rectificationClause')}<input value={settings.rectificationClause} onChange={(e) => set({ rectificationClause: e.target.value })} /></label>
              )}
              {kinds.has('terminationNotice') && (
                <>
                  <label className="field wide">{t('run.batch.terminationReason')}<input value={settings.terminationReason} onChange={(e) => set({ terminationReason: e.target.value })} /></label>
                  <label className="field wide">{t('run.batch.terminationClause')}<input value={settings.terminationClause} onChange={(e) => set({ terminationClause: e.target.value })} /></label>
                </>
              )}
              {ISSUER_FIELDS.map((f) => (
                <label key={f} className={f === 'issuerContact' ? 'field wide' : 'field'}>
                  {t(FIELD_LABEL[f])}{required.has(f) ? ' *' : ''}
                  <input value={settings.issuer[f] ?? ''} onChange={(e) => setIssuer(f, e.target.value)} />
                </label>
              ))}
            </div>
            <p className="muted small">{t('run.batch.hint')}</p>
            {problem && <p className="field-error" role="alert">{problem}</p>}
            <div className="modal-actions">
              <button type="button" disabled={progress !== null} onClick={onClose}>{t('common.cancel')}</button>
              <button type="button" className="primary" disabled={progress !== null || pending.length === 0} onClick={() => void issueAll()}>
                {progress !== null ? t('run.batch.issuing', { done: progress, count: pending.length }) : t('run.batch.issue', { count: pending.length })}
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
