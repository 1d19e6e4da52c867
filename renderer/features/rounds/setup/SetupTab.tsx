// 批次设置: the round's name and reference date, regions and quotas, criteria and weights, how totals are
// computed and ranked, and the program's admission rules. One form, saved with the button or Ctrl+S; regions
// are saved one by one as they are edited (they are records of their own, used by applications).
import { useEffect, useRef, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { api } from '../../../api/client';
import type { ApiError } from '../../../../shared/api/result';
import type { Program, Round } from '../../../../shared/rounds/views';
import { setLeaveGuard } from '../../../app/router';
import { toast } from '../../../app/toasts';
import { translate, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { useRoundContext } from '../round-context';
import { useProgram } from '../common/program';
import { rulesResolver } from '../common/rules-resolver';
import { issueError } from '../common/form-utils';
import { setupSchema, setupValues, settingsKey, optionsValues, type SetupOutput, type SetupValues } from './setup-model';
import { BasicSection } from './BasicSection';
import { RegionsPanel } from './RegionsPanel';
import { CriteriaSection } from './CriteriaSection';
import { ScoringRulesSection } from './ScoringRulesSection';
import { AdmissionRulesSection } from './AdmissionRulesSection';
import './setup.css';

export function SetupTab() {
  const t = useT();
  const { round, reload } = useRoundContext();
  const { program, error, reload: reloadProgram } = useProgram(round.programId);
  // Another tab (or another window) may have changed the round since the page opened: start from fresh data.
  useEffect(() => void reload(), [reload]);
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!program) return <p className="empty">{t('common.loading')}</p>;
  return <SetupForm round={round} program={program} reload={reload} reloadProgram={reloadProgram} />;
}

const resolver = rulesResolver<SetupValues, SetupOutput>(setupSchema, 'error.rule.');
const sameProgram = (a: Pick<Program, 'platform' | 'name' | 'rules'>, b: Pick<Program, 'platform' | 'name' | 'rules'>) =>
  JSON.stringify([a.platform, a.name, a.rules]) === JSON.stringify([b.platform, b.name, b.rules]);

function SetupForm({ round, program, reload, reloadProgram }: { round: Round; program: Program; reload: () => Promise<void>; reloadProgram: () => Promise<void> }) {
  const t = useT();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const form = useForm<SetupValues, unknown, SetupOutput>({ resolver, defaultValues: setupValues(round, program), mode: 'onTouched' });
  const { formState, reset, setError, handleSubmit } = form;
  const isDirty = formState.isDirty;
  // The version the form's values were read at; see settingsKey for why it may move under unsaved edits.
  const base = useRef({ version: round.version, key: settingsKey(round) });
  const [stale, setStale] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (!isDirty) {
      reset(setupValues(round, program));
      base.current = { version: round.version, key: settingsKey(round) };
      setStale(false);
    } else if (settingsKey(round) === base.current.key) base.current.version = round.version;
    else {
      setStale(true);
      setSaveError(null); // the stale banner says it, with the way out
    }
    // Only a new round or program from the server triggers this, not the user's typing (isDirty).
  }, [round, program]);

  const fail = (error: ApiError, prefix: (path: string) => string) => {
    // A version conflict on the round's settings or its program: the newer ones are loaded below.
    const programConflict = error.code === 'CONFLICT' && error.message === translate('error.programVersionConflict', {}, 'zh-CN');
    const roundConflict = error.code === 'CONFLICT' && [translate('error.versionConflict', {}, 'zh-CN'), translate('error.roundVersionConflict', {}, 'zh-CN')].includes(error.message);
    const conflict = programConflict || roundConflict;
    const text = roundConflict ? t('setup.versionConflict') : errorText(error);
    setSaveError(text);
    for (const issue of error.issues ?? []) setError(prefix(issue.path) as Path<SetupValues>, issueError(issue));
    toast('error', text);
    if (conflict) void Promise.all([reload(), reloadProgram()]); // brings the newer settings; the banner then offers to load them
  };

  const save = handleSubmit(
    async (data) => {
      setSaveError(null);
      const programData = { platform: data.program.platform, name: data.program.name, rules: data.program.rules };
      const normalized = setupSchema.shape.program.parse(setupValues(round, program).program);
      if (!sameProgram(programData, normalized)) {
        const result = await api['programs.update']({ id: program.id, version: program.version, data: programData });
        if (!result.ok) return fail(result.error, (p) => p.replace(/^data\./, 'program.'));
      }
      // The committee's order for still-tied applicants is decided on the ranking tab: keep the latest one.
      const options = { ...data.options, committeeOrder: optionsValues(round.options).committeeOrder };
      const result = await api['rounds.update']({ id: round.id, version: base.current.version, name: data.name, referenceDate: data.referenceDate, options });
      if (!result.ok) return fail(result.error, (p) => p);
      base.current = { version: result.value.version, key: settingsKey(result.value) };
      reset(setupValues(result.value, { ...program, ...programData }));
      setLeaveGuard(null);
      setStale(false);
      toast('success', t('setup.saved'));
      await Promise.all([reload(), reloadProgram()]);
    },
    () => setSaveError(t('error.validation')),
  );

  useEffect(() => {
    setLeaveGuard(isDirty && !readOnly ? () => window.confirm(t('common.discardConfirm')) : null);
    return () => setLeaveGuard(null);
  }, [isDirty, readOnly, t]);

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        // A dialog open on top (a region being edited) owns Ctrl+S there.
        if (!document.querySelector('.modal')) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  const discard = () => {
    reset(setupValues(round, program));
    base.current = { version: round.version, key: settingsKey(round) };
    setStale(false);
    setSaveError(null);
  };

  return (
    <div className="setup">
      {readOnly && <div className="banner" role="status">{t('setup.finalizedBanner')}</div>}
      {stale && !readOnly && (
        <div className="banner" role="alert">
          {t('setup.staleBanner')} <button type="button" className="link" onClick={discard}>{t('setup.loadLatest')}</button>
        </div>
      )}
      {saveError && <div className="banner error" role="alert">{saveError}</div>}
      <div className="setup-grid">
        <div className="setup-col">
          <BasicSection form={form} readOnly={readOnly} />
          <RegionsPanel round={round} readOnly={readOnly} onChanged={reload} />
          <CriteriaSection form={form} readOnly={readOnly} />
        </div>
        <div className="setup-col">
          <ScoringRulesSection form={form} readOnly={readOnly} />
        </div>
      </div>
      <AdmissionRulesSection form={form} readOnly={readOnly} />
      {!readOnly && (
        <div className="form-actions">
          {isDirty && <span className="dirty">{t('common.unsaved')}</span>}
          {isDirty && <button type="button" onClick={discard}>{t('setup.discard')}</button>}
          <button type="button" className="primary" onClick={() => void save()} disabled={formState.isSubmitting} title="Ctrl+S">
            {formState.isSubmitting ? t('common.saving') : t('setup.save')}
          </button>
        </div>
      )}
    </div>
  );
}
