// 项目函件设置: per program, the texts its termination and rectification notices take from its platform's
// rules (shared/letters/program-settings.ts) — the suggested reason and clause per reason category, the
// rectification clause, the agreement ended, what else follows, the deposit. Defaults come from the rules of
// the program's platform; the chair edits any text, refills all from another platform's rules, or restores
// the defaults. Letters already issued keep their archived text.
import { useEffect, useState } from 'react';
import { BAN_REASONS, type BanReason } from '../../../shared/eligibility/readmission';
import { LETTER_RULE_PRESETS, programLetterSettingsSchema, type LetterRulePreset, type ProgramLetterSettings } from '../../../shared/letters';
import type { ProgramLetterSettingsView } from '../../../shared/cooperations/views';
import type { Program } from '../../../shared/rounds/views';
import { api } from '../../api/client';
import { toast } from '../../app/toasts';
import { useLocale, useT, type MessageKey } from '../../i18n/i18n';
import { errorText, toastError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const BAN_LABEL = (reason: BanReason): MessageKey => `screening.banReason.${reason}`;
type TextKey = 'rectificationClause' | 'agreement' | 'consequence' | 'deposit';
const TEXTS: readonly TextKey[] = ['agreement', 'consequence', 'deposit', 'rectificationClause'];

export function ProgramSettingsTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [programs, setPrograms] = useState<Program[] | null>(null);
  const [programId, setProgramId] = useState<string | null>(null);
  const [view, setView] = useState<ProgramLetterSettingsView | null>(null);
  const [draft, setDraft] = useState<ProgramLetterSettings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api['programs.list']({}).then((r) => {
      if (!r.ok) return toastError(r.error);
      setPrograms(r.value);
      setProgramId((id) => id ?? r.value[0]?.id ?? null);
    });
  }, []);
  useEffect(() => {
    if (!programId) return;
    setView(null);
    void api['letters.programSettings']({ programId }).then((r) => (r.ok ? (setView(r.value), setDraft(r.value.settings)) : toastError(r.error)));
  }, [programId]);

  async function save(settings: ProgramLetterSettings | null) {
    if (!programId) return;
    setSaving(true);
    const r = await api['letters.saveProgramSettings']({ programId, settings });
    setSaving(false);
    if (!r.ok) return toast('error', errorText(r.error));
    setView(r.value);
    setDraft(r.value.settings);
    toast('success', t(settings ? 'letters.programs.saved' : 'letters.programs.resetDone'));
  }

  if (!programs) return <p className="empty">{t('common.loading')}</p>;
  if (programs.length === 0) return <p className="empty">{t('letters.programs.none')}</p>;
  const valid = draft !== null && programLetterSettingsSchema.safeParse(draft).success;
  const dirty = view !== null && draft !== null && JSON.stringify(draft) !== JSON.stringify(view.settings);
  const setTermination = (reason: BanReason, part: 'reason' | 'clause', value: string) =>
    draft && setDraft({ ...draft, termination: { ...draft.termination, [reason]: { ...draft.termination[reason], [part]: value } } });

  return (
    <div className="letter-program-settings" data-testid="letter-program-settings">
      <p className="muted small">{t('letters.programs.intro')}</p>
      <div className="toolbar">
        <label className="field">
          <span>{t('letters.programs.program')}</span>
          <select value={programId ?? ''} onChange={(e) => setProgramId(e.target.value)}>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.platform} · {p.name}</option>)}
          </select>
        </label>
        {view && draft && (
          <label className="field">
            <span>{t('letters.programs.startFrom')}</span>
            <select value="" onChange={(e) => e.target.value && setDraft(view.presets[e.target.value as LetterRulePreset])}>
              <option value="">{t('letters.programs.startFromChoose')}</option>
              {LETTER_RULE_PRESETS.map((p) => <option key={p} value={p}>{view.presetNames[p]}</option>)}
            </select>
          </label>
        )}
      </div>
      {!view || !draft ? (
        <p className="empty">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('letters.programs.defaultFrom', { name: view.presetNames[view.defaultPreset] })}{' '}
            {view.custom && t('letters.programs.custom', { by: view.updatedBy ?? '', at: view.updatedAt ? formatDateTime(view.updatedAt, locale) : '' })}
          </p>
          <div className="letter-program-texts">
            {TEXTS.map((key) => (
              <label key={key} className="field wide">
                <span>{t(`letters.programs.${key}`)}</span>
                <input value={draft[key]} maxLength={500} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
              </label>
            ))}
          </div>
          <h3>{t('letters.programs.termination')}</h3>
          <table className="table letter-program-table">
            <thead>
              <tr>
                <th />
                <th>{t('letters.programs.reason')}</th>
                <th>{t('letters.programs.clause')}</th>
              </tr>
            </thead>
            <tbody>
              {BAN_REASONS.map((r) => (
                <tr key={r}>
                  <th scope="row">{t(BAN_LABEL(r))}</th>
                  <td><input aria-label={`${t(BAN_LABEL(r))} ${t('letters.programs.reason')}`} value={draft.termination[r].reason} maxLength={500} onChange={(e) => setTermination(r, 'reason', e.target.value)} /></td>
                  <td><input aria-label={`${t(BAN_LABEL(r))} ${t('letters.programs.clause')}`} value={draft.termination[r].clause} maxLength={500} onChange={(e) => setTermination(r, 'clause', e.target.value)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {!valid && <p className="field-error" role="alert">{t('letters.programs.invalid')}</p>}
          <div className="modal-actions">
            {view.custom && <button type="button" disabled={saving} onClick={() => void save(null)}>{t('letters.programs.reset')}</button>}
            <button type="button" disabled={!dirty || saving} onClick={() => setDraft(view.settings)}>{t('letters.templates.discard')}</button>
            <button type="button" className="primary" disabled={!dirty || !valid || saving} onClick={() => void save(draft)}>{saving ? t('common.saving') : t('common.save')}</button>
          </div>
        </>
      )}
    </div>
  );
}
