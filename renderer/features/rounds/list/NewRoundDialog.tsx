// 新建评审批次: choose the program (platform, name, admission rules) or create one from a platform rule's gate set
// (shared/eligibility/rules.ts RULE_PRESETS), name the round and its reference date. The round starts with the default criteria and weights
// (公司实力 30 / 技术水平 30 / 业内口碑 20 / 服务报价 20); everything is editable on its set-up tab.
import { useEffect } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../../api/client';
import { isoDate, requiredText } from '../../../../shared/common/validation';
import { RULE_PRESET_KEYS, RULE_PRESETS } from '../../../../shared/eligibility/rules';
import { programInputSchema, uuid } from '../../../../shared/rounds/schema';
import type { ApiError } from '../../../../shared/api/result';
import { Modal } from '../../../components/Modal';
import { navigate } from '../../../app/router';
import { toast } from '../../../app/toasts';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { errorAt, Field, issueError, today } from '../common/form-utils';
import { useLoad } from '../common/use-load';
import { DateInput } from '../../../components/DateInput';

const schema = z
  .object({
    programMode: z.enum(['existing', 'new']),
    programId: z.string(),
    platform: z.string(),
    programName: z.string(),
    base: z.enum(RULE_PRESET_KEYS),
    name: requiredText(100),
    referenceDate: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.programMode === 'existing') {
      if (!uuid.safeParse(v.programId).success) ctx.addIssue({ code: 'custom', path: ['programId'], message: 'error.choose' });
      return;
    }
    // The new program is checked by the shared program schema; its `name` is this form's `programName`.
    const checked = programInputSchema.safeParse({ platform: v.platform, name: v.programName, rules: [] });
    for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: [issue.path[0] === 'name' ? 'programName' : String(issue.path[0])], message: issue.message });
  });
type Values = z.input<typeof schema>;

const PLATFORMS = ['淘宝直播', '抖音电商', '淘特'];

export function NewRoundDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { data: programs, reload } = useLoad(() => api['programs.list']({}), []);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { programMode: 'existing', programId: '', platform: '淘宝直播', programName: '', base: 'taobaoLiveRegional', name: '', referenceDate: today() },
  });
  const { register, handleSubmit, formState, setError, setValue, control } = form;
  const mode = useWatch({ control, name: 'programMode' });

  // No program yet: creating one is the only way; otherwise preselect the most recent one.
  useEffect(() => {
    if (!programs) return;
    if (programs.length === 0) setValue('programMode', 'new');
    else if (!form.getValues('programId')) setValue('programId', programs[programs.length - 1]!.id);
  }, [programs]);

  const showIssues = (error: ApiError, rename: (path: string) => string) => {
    for (const issue of error.issues ?? []) setError(rename(issue.path) as Path<Values>, issueError(issue));
    setError('root', { message: errorText(error) });
  };

  const submit = handleSubmit(async (v) => {
    let programId = v.programId;
    if (v.programMode === 'new') {
      const rules = RULE_PRESETS[v.base];
      const created = await api['programs.create']({ platform: v.platform, name: v.programName, rules: [...rules] });
      if (!created.ok) return showIssues(created.error, (p) => (p === 'name' ? 'programName' : p));
      programId = created.value.id;
      // A retry after a failure below must not create the program twice.
      setValue('programMode', 'existing');
      setValue('programId', programId);
      await reload();
    }
    const result = await api['rounds.create']({ programId, name: v.name, referenceDate: v.referenceDate, options: {} });
    if (!result.ok) return showIssues(result.error, (p) => p);
    toast('success', t('rounds.new.created', { name: result.value.name }));
    onClose();
    navigate({ page: 'round', id: result.value.id, tab: 'setup' });
  });

  const e = (path: string) => errorAt(formState.errors, path);
  const invalid = (path: string) => (e(path) ? true : undefined);
  return (
    <Modal title={t('rounds.new.title')} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="dialog-medium">
        <div className="grid two">
          <Field label={t('rounds.new.name')} error={e('name')} wide>
            <input {...register('name')} aria-invalid={invalid('name')} placeholder={t('rounds.new.namePlaceholder')} maxLength={100} />
          </Field>
          <Field label={t('rounds.new.referenceDate')} error={e('referenceDate')} hint={t('setup.basic.referenceDateHint')} wide>
            <DateInput {...register('referenceDate')} aria-invalid={invalid('referenceDate')} />
          </Field>
        </div>
        <fieldset className="plain">
          <legend>{t('rounds.new.program')}</legend>
          {!programs && <p className="hint">{t('common.loading')}</p>}
          {programs && programs.length > 0 && (
            <div className="checks">
              <label className="check"><input type="radio" value="existing" {...register('programMode')} /> {t('rounds.new.existingProgram')}</label>
              <label className="check"><input type="radio" value="new" {...register('programMode')} /> {t('rounds.new.newProgram')}</label>
            </div>
          )}
          {mode === 'existing' && programs && programs.length > 0 && (
            <Field label={t('rounds.new.chooseProgram')} error={e('programId')}>
              <select {...register('programId')} aria-invalid={invalid('programId')}>
                {programs.map((p) => (
                  <option key={p.id} value={p.id}>{t('rounds.new.programOption', { platform: p.platform, name: p.name, count: p.rules.length })}</option>
                ))}
              </select>
            </Field>
          )}
          {mode === 'new' && programs && (
            <div className="grid two">
              <Field label={t('setup.program.platform')} error={e('platform')}>
                <input list="new-round-platforms" {...register('platform')} aria-invalid={invalid('platform')} maxLength={30} />
              </Field>
              <Field label={t('setup.program.name')} error={e('programName')}>
                <input {...register('programName')} aria-invalid={invalid('programName')} placeholder={t('rounds.new.programNamePlaceholder')} maxLength={100} />
              </Field>
              <div className="field wide" role="radiogroup" aria-label={t('rounds.new.rules')}>
                <span>{t('rounds.new.rules')}</span>
                {RULE_PRESET_KEYS.map((key) => (
                  <label key={key} className="check"><input type="radio" value={key} {...register('base')} /> {t(`rounds.new.preset.${key}`)}</label>
                ))}
                <span className="hint">{t('rounds.new.rulesHint')}</span>
              </div>
              <datalist id="new-round-platforms">{PLATFORMS.map((p) => <option key={p} value={p} />)}</datalist>
            </div>
          )}
        </fieldset>
        {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={formState.isSubmitting}>{formState.isSubmitting ? t('common.saving') : t('rounds.new.create')}</button>
        </div>
      </form>
    </Modal>
  );
}
