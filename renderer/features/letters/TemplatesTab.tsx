// 函件模板: per kind, the template in force (the chair's edit, or the built-in text) in the editor with a
// live preview on sample values, its name, number prefix and number format (〔2026〕1号 as GB/T 9704 has it, or
// 〔2026〕第001号), and the two 版头 options — 发文机关标志 and the red separator line — as checkboxes that
// add or remove their lines in the text (template-options.ts); 保存 stores it for every later letter (letters
// already issued keep their archived text). 恢复默认模板 puts the built-in text back into the editor.
// Edits are kept per kind until saved or discarded, so switching kinds loses nothing.
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_LETTER_NUMBER_STYLE, hasLetterhead, hasRedLine, LETTER_KINDS, LETTER_NUMBER_STYLES, setLetterhead, setRedLine, templateProblems, type LetterKind, type LetterNumberStyle } from '../../../shared/letters';
import type { EffectiveTemplate } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { setLeaveGuard } from '../../app/router';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText, toastError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { builtinLetters } from './builtin';
import { DEFAULT_LETTER_PREFIX } from '../../../shared/letters/letter-number';
import { KIND_LABEL } from './labels';
import { LetterTemplateEditor } from './LetterTemplateEditor';
import { exampleNumber, sampleFields } from './sample-fields';
import { todayIso } from './issue-fields';

interface Draft {
  name: string;
  prefix: string;
  numberStyle: LetterNumberStyle;
  text: string;
}

const draftOf = (t: EffectiveTemplate): Draft => ({ name: t.name, prefix: t.prefix, numberStyle: t.numberStyle, text: t.text });
const same = (a: Draft, b: Draft) => a.name === b.name && a.prefix === b.prefix && a.numberStyle === b.numberStyle && a.text === b.text;

export function TemplatesTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [templates, setTemplates] = useState<EffectiveTemplate[] | null>(null);
  const [kind, setKind] = useState<LetterKind>('terminationNotice');
  const [drafts, setDrafts] = useState<Partial<Record<LetterKind, Draft>>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api['letters.templates']({}).then((r) => (r.ok ? setTemplates(r.value) : toastError(r.error)));
  }, []);
  const current = templates?.find((x) => x.kind === kind) ?? null;
  const draft = drafts[kind] ?? (current ? draftOf(current) : null);
  const setDraft = (next: Draft) => setDrafts((d) => ({ ...d, [kind]: next }));
  const isDirty = (k: LetterKind) => {
    const saved = templates?.find((x) => x.kind === k);
    const d = drafts[k];
    return saved !== undefined && d !== undefined && !same(d, draftOf(saved));
  };
  const dirty = isDirty(kind);
  const anyDirty = LETTER_KINDS.some(isDirty);
  useEffect(() => {
    setLeaveGuard(anyDirty ? () => window.confirm(t('common.discardConfirm')) : null);
    return () => setLeaveGuard(null);
  }, [anyDirty]);

  const year = Number(todayIso().slice(0, 4));
  const number = draft ? exampleNumber(draft.prefix, year, draft.numberStyle) : null;
  const fields = useMemo(() => sampleFields(kind, draft?.prefix ?? '', t, todayIso(), draft?.numberStyle), [kind, draft?.prefix, draft?.numberStyle, t]);
  const problems = draft ? templateProblems({ kind, text: draft.text }) : [];
  const canSave = draft !== null && dirty && !saving && problems.length === 0 && number !== null && draft.name.trim() !== '' && draft.prefix.trim().length <= 20;

  async function save() {
    if (!draft || !canSave || !current) return;
    setSaving(true);
    // The version the editor was based on: if someone saved this kind meanwhile, the backend refuses
    // (CONFLICT) rather than overwrite their text.
    const r = await api['letters.saveTemplate']({ kind, version: current.version, name: draft.name.trim(), text: draft.text, prefix: draft.prefix.trim(), numberStyle: draft.numberStyle });
    setSaving(false);
    if (!r.ok) {
      toast('error', errorText(r.error));
      // The newer template comes in as the saved one; this draft stays, so the chair sees both and decides.
      if (r.error.code === 'CONFLICT') void api['letters.templates']({}).then((fresh) => fresh.ok && setTemplates(fresh.value));
      return;
    }
    setTemplates((list) => list?.map((x) => (x.kind === kind ? r.value : x)) ?? null);
    setDrafts((d) => ({ ...d, [kind]: undefined }));
    toast('success', t('letters.templates.saved', { name: r.value.name }));
  }

  if (!templates || !draft || !current) return <p className="empty">{t('common.loading')}</p>;
  const builtin = builtinLetters.templates[kind];

  return (
    <div className="letter-templates">
      <div className="toolbar">
        <div className="segmented" role="tablist" aria-label={t('letters.panel.kind')}>
          {LETTER_KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={k === kind} className={k === kind ? 'selected' : undefined} onClick={() => setKind(k)}>
              {t(KIND_LABEL[k])}
              {isDirty(k) && <span className="dirty" title={t('common.unsaved')}> •</span>}
            </button>
          ))}
        </div>
        <span className="muted small letter-templates-status">
          {current.builtIn ? t('letters.templates.builtIn') : t('letters.templates.edited', { by: current.updatedBy ?? '', at: current.updatedAt ? formatDateTime(current.updatedAt, locale) : '' })}
        </span>
      </div>
      <div className="letter-templates-meta">
        <label className="field">
          <span>{t('letters.templates.name')}</span>
          <input value={draft.name} maxLength={40} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('letters.templates.prefix')}</span>
          <input value={draft.prefix} maxLength={20} aria-invalid={number === null} onChange={(e) => setDraft({ ...draft, prefix: e.target.value })} />
          {number === null ? <span className="field-error">{t('letters.templates.prefixInvalid')}</span> : <span className="muted small">{t('letters.templates.prefixExample', { number })}</span>}
        </label>
        <label className="field">
          <span>{t('letters.templates.numberStyle')}</span>
          <select value={draft.numberStyle} onChange={(e) => setDraft({ ...draft, numberStyle: e.target.value as LetterNumberStyle })}>
            {LETTER_NUMBER_STYLES.map((style) => <option key={style} value={style}>{t(`letters.templates.numberStyle.${style}`)}</option>)}
          </select>
        </label>
        <div className="letter-templates-options">
          <label className="check">
            <input type="checkbox" checked={hasLetterhead(draft.text)} onChange={(e) => setDraft({ ...draft, text: setLetterhead(draft.text, e.target.checked) })} />
            {t('letters.templates.letterhead')}
          </label>
          <label className="check">
            <input type="checkbox" checked={hasRedLine(draft.text)} onChange={(e) => setDraft({ ...draft, text: setRedLine(draft.text, e.target.checked) })} />
            {t('letters.templates.redLine')}
          </label>
        </div>
        <div className="letter-templates-actions">
          {dirty && <span className="dirty">{t('common.unsaved')}</span>}
          <button type="button" disabled={!dirty || saving} onClick={() => setDrafts((d) => ({ ...d, [kind]: undefined }))}>{t('letters.templates.discard')}</button>
          <button type="button" className="primary" disabled={!canSave} onClick={() => void save()}>{saving ? t('common.saving') : t('common.save')}</button>
        </div>
      </div>
      <LetterTemplateEditor
        kind={kind}
        value={draft.text}
        onChange={(text) => setDraft({ ...draft, text })}
        fields={fields}
        onReset={
          draft.text === builtin.text && draft.name === builtin.name && draft.prefix === DEFAULT_LETTER_PREFIX[kind] && draft.numberStyle === DEFAULT_LETTER_NUMBER_STYLE
            ? undefined
            : () => setDraft({ ...draft, text: builtin.text, name: builtin.name, prefix: DEFAULT_LETTER_PREFIX[kind], numberStyle: DEFAULT_LETTER_NUMBER_STYLE })
        }
        disabled={saving}
      />
    </div>
  );
}
