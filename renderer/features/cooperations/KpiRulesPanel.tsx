// 考核规则 of the chosen program: a one-line summary of the rules in force, and the editor. The chair starts
// from a built-in rule set named after the platform rule it follows (抖音古董艺术品产业带服务商考核规则（季度）,
// 淘特品牌认证汰换考核（月度）, 无考核（安心鉴）) and adjusts it — thresholds, and the waiting period before a
// provider may apply again after each kind of ending; until a rule set is saved no cooperation can be
// created, so the editor opens by itself then.
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { api } from '../../api/client';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import type { Program } from '../../../shared/rounds/views';
import { setLeaveGuard } from '../../app/router';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { ConfirmDialog } from '../../components/Modal';
import { kpiFormValues, kpiResolver, PRESETS, seedValues, SEED_FOR_KIND, type KpiFormValues } from './kpi-form-model';
import type { BuiltInRuleSetKey } from '../../../shared/lifecycle/kpi-rules';
import { EndingFields, MonthlyFields, PeriodicFields } from './KpiRulesForm';
import { kpiSummary } from './kpi-summary';

interface Props {
  program: Program;
  rules: KpiRuleSet | null;
  cooperationCount: number;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  onSaved: () => Promise<void>;
}

export function KpiRulesPanel({ program, rules, cooperationCount, editing, setEditing, onSaved }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const open = editing || rules === null;
  return (
    <section className="panel coop-kpi" aria-labelledby="coop-kpi-title">
      <div className="section-head">
        <h2 id="coop-kpi-title">{t('cooperations.kpi.title')}</h2>
        {rules && !open && <button type="button" onClick={() => setEditing(true)}>{t('cooperations.kpi.edit')}</button>}
      </div>
      {!open && rules && (
        <p className="coop-kpi-summary">
          <span className="tag">{t(`cooperations.kpi.preset.${SEED_FOR_KIND[rules.kind]}`)}</span> {kpiSummary(rules, locale)}
        </p>
      )}
      {rules === null && <p className="banner">{t('cooperations.kpi.none')}</p>}
      {open && <KpiRulesEditor key={`${program.id}:${JSON.stringify(rules)}`} program={program} rules={rules} cooperationCount={cooperationCount} onClose={() => setEditing(false)} onSaved={onSaved} />}
    </section>
  );
}

function KpiRulesEditor({ program, rules, cooperationCount, onClose, onSaved }: { program: Program; rules: KpiRuleSet | null; cooperationCount: number; onClose: () => void; onSaved: () => Promise<void> }) {
  const t = useT();
  const form = useForm<KpiFormValues, unknown, KpiRuleSet>({ resolver: kpiResolver, defaultValues: rules ? kpiFormValues(rules) : seedValues('douyinQuarterly'), mode: 'onTouched' });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const [switchTo, setSwitchTo] = useState<KpiFormValues | null>(null);
  const [confirmKind, setConfirmKind] = useState<KpiRuleSet | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function save(data: KpiRuleSet) {
    setConfirmKind(null);
    setSaveError(null);
    const result = await api['programs.setKpiRules']({ programId: program.id, rules: data });
    if (!result.ok) return setSaveError(errorText(result.error));
    toast('success', t('cooperations.kpi.saved', { program: program.name }));
    setLeaveGuard(null);
    form.reset(kpiFormValues(data));
    onClose();
    await onSaved();
  }

  // Changing the kind of a program in use changes how its running cooperations are assessed: ask first.
  const submit = form.handleSubmit((data) => (rules && rules.kind !== data.kind && cooperationCount > 0 ? setConfirmKind(data) : save(data)));

  // Ctrl+S saves, as in the round set-up; leaving with unsaved thresholds asks first.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void submitRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const isDirty = form.formState.isDirty;
  useEffect(() => {
    setLeaveGuard(isDirty ? () => window.confirm(t('common.discardConfirm')) : null);
    return () => setLeaveGuard(null);
  }, [isDirty]);

  function startFrom(key: BuiltInRuleSetKey) {
    const values = seedValues(key);
    if (form.formState.isDirty || (rules && rules.kind !== values.kind)) setSwitchTo(values);
    else form.reset(values);
  }

  return (
    <form className="coop-kpi-form" onSubmit={submit} noValidate>
      <div className="choice-group" role="radiogroup" aria-label={t('cooperations.kpi.startFrom')}>
        <div className="choice-title">{t('cooperations.kpi.startFrom')}</div>
        <div className="coop-seed-choices">
          {PRESETS.map((key) => (
            <button key={key} type="button" role="radio" aria-checked={SEED_FOR_KIND[kind] === key} className={SEED_FOR_KIND[kind] === key ? 'coop-seed selected' : 'coop-seed'} onClick={() => startFrom(key)}>
              <strong>{t(`cooperations.kpi.preset.${key}`)}</strong>
              <span className="hint">{t(`cooperations.kpi.preset.${key}Hint`)}</span>
            </button>
          ))}
        </div>
        <button type="button" className="link coop-reset" onClick={() => startFrom(SEED_FOR_KIND[kind])}>{t('cooperations.kpi.resetToSeed')}</button>
      </div>
      {kind === 'periodic' ? <PeriodicFields form={form} /> : kind === 'monthlyWarning' ? <MonthlyFields form={form} /> : <p className="hint">{t('cooperations.kpi.noAssessmentIntro')}</p>}
      <EndingFields form={form} kind={kind} />
      {saveError && <p className="banner error" role="alert">{saveError}</p>}
      <div className="form-actions ordered-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting} title="Ctrl+S">{t('cooperations.kpi.save')}</button>
        {rules && <button type="button" onClick={onClose}>{t('common.cancel')}</button>}
        {form.formState.isDirty && <span className="dirty">{t('common.unsaved')}</span>}
      </div>
      {switchTo && (
        <ConfirmDialog
          title={t('cooperations.kpi.switchTitle')}
          body={t('cooperations.kpi.switchBody', { seed: t(`cooperations.kpi.preset.${SEED_FOR_KIND[switchTo.kind]}`) })}
          confirmLabel={t('cooperations.kpi.switchConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => (form.reset(switchTo, { keepDefaultValues: true }), setSwitchTo(null))}
          onCancel={() => setSwitchTo(null)}
        />
      )}
      {confirmKind && (
        <ConfirmDialog
          title={t('cooperations.kpi.kindChangeTitle')}
          body={t('cooperations.kpi.kindChangeBody', { count: cooperationCount })}
          confirmLabel={t('cooperations.kpi.save')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void save(confirmKind)}
          onCancel={() => setConfirmKind(null)}
        />
      )}
    </form>
  );
}
