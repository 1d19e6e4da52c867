// 出具本次考核的全部函件: one letter per confirmed action that calls for one (整改通知, 终止合作通知).
// Two steps. First what the chair sets once for the batch: the letter date, the rectification deadline, the
// reasons and clauses (from the program's letter settings — the rules THIS program cites) and the issuer
// block (remembered). Then a preview of every letter exactly as it will be archived, numbered 〔2026〕?号:
// numbers are taken only on the final confirm, so looking never spends a number. Each letter is then issued
// through letters.issue — the backend refuses a letter with an empty field, assigns its number and archives
// it — and all of them open on the print page, one per A4 sheet. A refusal is reported per provider; the
// letters that were issued stay issued and can be printed.
// An effective date (the run's) earlier than the letter date needs the chair's reason, archived with each
// letter (isBackdated).
import { useEffect, useMemo, useState } from 'react';
import { addDays } from '../../../shared/common/dates';
import { formatChineseDate, isBackdated, missingFields, placeholderLetterNumber, renderLetter, type LetterField, type RenderedLetter } from '../../../shared/letters';
import type { EffectiveTemplate, IssuedLetter } from '../../../shared/cooperations/views';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { FIELD_LABEL, KIND_LABEL } from '../letters/labels';
import { ISSUER_FIELDS, rememberIssuer, rememberedIssuer, todayIso } from '../letters/issue-fields';
import { LetterPage } from '../letters/LetterPage';
import { batchLetterFields, defaultBatchTexts, type BatchSettings, type PlannedLetter } from './letter-batch';
import type { RunContext } from './use-run';
import '../letters/letters.css';
import { DateInput } from '../../components/DateInput';

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

interface Preview {
  planned: PlannedLetter;
  letter: RenderedLetter | null;
  missing: LetterField[];
}

export function LetterBatchDialog({ context, pending, onIssued, onClose }: Props) {
  const t = useT();
  const [settings, setSettings] = useState<BatchSettings>(() => ({
    letterDate: todayIso(),
    deadline: addDays(context.run.effectiveDate, DEADLINE_DAYS),
    ...defaultBatchTexts(context.program),
    issuer: rememberedIssuer(),
  }));
  const [templates, setTemplates] = useState<EffectiveTemplate[] | null>(null);
  const [backdateReason, setBackdateReason] = useState('');
  const [step, setStep] = useState<'settings' | 'preview'>('settings');
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<{ issued: IssuedLetter[]; refused: Refusal[] } | null>(null);
  const kinds = new Set(pending.map((p) => p.kind));

  useEffect(() => {
    void api['letters.templates']({}).then((r) => r.ok && setTemplates(r.value));
    // The program's own clauses and texts (its platform's rules), replacing the pack's generic ones.
    const programId = context.program?.id;
    if (programId) void api['letters.programSettings']({ programId }).then((r) => r.ok && setSettings((s) => ({ ...s, ...defaultBatchTexts(context.program, r.value.settings) })));
  }, []);

  // The issuer fields the templates in force need are required (the chair may have removed one); a field
  // used only in a 版记 line (承办部门 in 印发) is optional: that line is left out when it is empty.
  const required = useMemo(() => new Set<LetterField>(templates ? templates.filter((x) => kinds.has(x.kind)).flatMap((x) => missingFields(x, {})) : ISSUER_FIELDS), [templates]);
  const year = Number(settings.letterDate.slice(0, 4));
  const previews = useMemo<Preview[]>(
    () =>
      pending.map((p) => {
        const template = templates?.find((x) => x.kind === p.kind);
        if (!template) return { planned: p, letter: null, missing: [] };
        const fields = { ...batchLetterFields(p, context, settings), letterNumber: placeholderLetterNumber(template.prefix, Number.isInteger(year) ? year : null, template.numberStyle) };
        return { planned: p, letter: renderLetter(template, fields), missing: missingFields(template, fields) };
      }),
    [pending, templates, settings, year],
  );
  const backdated = settings.letterDate !== '' && pending.some((p) => isBackdated(batchLetterFields(p, context, settings)));

  const set = (patch: Partial<BatchSettings>) => (setSettings((s) => ({ ...s, ...patch })), setProblem(null));
  const setIssuer = (field: LetterField, value: string) => set({ issuer: { ...settings.issuer, [field]: value } });

  function refusalText(error: ApiError): string {
    const fields = (error.issues ?? []).map((i) => i.path.replace(/^fields\./, '')).filter((f): f is LetterField => f in FIELD_LABEL);
    return fields.length ? t('run.batch.missingFields', { fields: fields.map((f) => t(FIELD_LABEL[f])).join('、') }) : errorText(error);
  }

  /** Checks the settings, then shows the preview; nothing is issued and no number is taken. */
  function toPreview() {
    const empty = ISSUER_FIELDS.filter((f) => required.has(f) && !settings.issuer[f]?.trim());
    if (empty.length) return setProblem(t('run.batch.fillIn', { fields: empty.map((f) => t(FIELD_LABEL[f])).join('、') }));
    if (!settings.letterDate || (kinds.has('rectificationNotice') && !settings.deadline)) return setProblem(t('run.batch.datesRequired'));
    if (backdated && backdateReason.trim() === '') return setProblem(t('run.batch.fillIn', { fields: t('letters.batch.backdateReason') }));
    setStep('preview');
  }

  async function issueAll() {
    rememberIssuer(settings.issuer);
    const issued: IssuedLetter[] = [];
    const refused: Refusal[] = [];
    for (const [i, p] of pending.entries()) {
      setProgress(i);
      const name = p.row.entry.legalName;
      if (p.dossierId === null) {
        refused.push({ name, text: t('run.batch.noDossier') });
        continue;
      }
      const fields = batchLetterFields(p, context, settings);
      const reason = isBackdated(fields) ? backdateReason.trim() : null;
      const result = await api['letters.issue']({ kind: p.kind, dossierId: p.dossierId, cooperationId: p.row.entry.cooperationId, runId: context.run.id, fields, year, backdateReason: reason });
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
  const example = placeholderLetterNumber('', Number.isInteger(year) ? year : null, templates?.[0]?.numberStyle);

  if (done) {
    return (
      <Modal title={t('run.batch.title')} onCancel={onClose}>
        <div className="letter-batch-dialog">
          <p>{t('run.batch.result', { issued: done.issued.length, refused: done.refused.length })}</p>
          <ul className="batch-refusals" data-testid="batch-refusals">
            {done.refused.map((r, i) => <li key={i}>{t('run.batch.refused', { name: r.name, reason: r.text })}</li>)}
          </ul>
          <div className="modal-actions">
            <button type="button" onClick={onClose}>{t('common.close')}</button>
            {done.issued.length > 0 && <button type="button" className="primary" onClick={() => navigate({ page: 'letters-print', ids: printIds(done.issued) })}>{t('run.batch.print', { count: done.issued.length })}</button>}
          </div>
        </div>
      </Modal>
    );
  }

  if (step === 'preview') {
    const blocked = previews.filter((p) => p.letter === null || p.missing.length > 0);
    return (
      <Modal title={t('letters.batch.previewTitle', { count: pending.length })} onCancel={progress === null ? onClose : undefined}>
        <div className="letter-batch-preview" data-testid="letter-batch-preview">
          <p>{t('letters.batch.previewIntro', { example })}</p>
          {blocked.length > 0 && (
            <ul className="banner error batch-refusals" role="alert">
              {blocked.map((p, i) => (
                <li key={i}>
                  {p.letter === null
                    ? t('letters.batch.noTemplate', { name: p.planned.row.entry.legalName, kind: t(KIND_LABEL[p.planned.kind]) })
                    : t('letters.batch.missing', { name: p.planned.row.entry.legalName, fields: p.missing.map((f) => t(FIELD_LABEL[f])).join('、') })}
                </li>
              ))}
            </ul>
          )}
          <div className="letter-batch-sheets">
            {previews.map((p, i) => (
              <figure key={`${p.planned.row.entry.cooperationId}-${p.planned.kind}`} className="letter-batch-sheet">
                <figcaption>{i + 1}. {p.planned.row.entry.legalName} — {t(KIND_LABEL[p.planned.kind])}</figcaption>
                {p.letter && <div className="letter-preview-frame" style={{ zoom: 0.45 }}><LetterPage letter={p.letter} sheet={i} /></div>}
              </figure>
            ))}
          </div>
          <div className="modal-actions">
            <button type="button" disabled={progress !== null} onClick={() => setStep('settings')}>{t('letters.batch.back')}</button>
            <button type="button" className="primary" disabled={progress !== null || pending.length === 0} onClick={() => void issueAll()}>
              {progress !== null ? t('run.batch.issuing', { done: progress, count: pending.length }) : t('letters.batch.confirm', { count: pending.length })}
            </button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('run.batch.title')} onCancel={onClose}>
      <div className="letter-batch-dialog">
        <p>{t('run.batch.intro', { count: pending.length })}</p>
        <ul className="batch-list">
          {pending.map((p) => <li key={`${p.row.entry.cooperationId}-${p.kind}`}>{p.row.entry.legalName} — {t(KIND_LABEL[p.kind])}</li>)}
        </ul>
        <div className="batch-fields">
          <label className="field">{t('run.batch.letterDate')}<DateInput value={settings.letterDate} onValue={(v) => set({ letterDate: v })} /></label>
          {kinds.has('rectificationNotice') && (
            <label className="field">{t('run.batch.deadline')}<DateInput value={settings.deadline} onValue={(v) => set({ deadline: v })} /></label>
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
          {backdated && (
            <label className="field wide">
              <span className="field-error">{t('letters.batch.backdated', { effective: formatChineseDate(context.run.effectiveDate), dated: formatChineseDate(settings.letterDate) })}</span>
              <input aria-label={t('letters.batch.backdateReason')} value={backdateReason} maxLength={500} onChange={(e) => (setBackdateReason(e.target.value), setProblem(null))} />
            </label>
          )}
        </div>
        <p className="muted small">{t('run.batch.hint')}</p>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={pending.length === 0 || templates === null} onClick={toPreview}>{t('letters.batch.preview')}</button>
        </div>
      </div>
    </Modal>
  );
}
