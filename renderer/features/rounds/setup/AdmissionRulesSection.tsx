// 项目与准入规则: the program's platform and name and its admission rules, each on or off with its thresholds
// written into the sentence the committee reads ("注册资本 ≥ [50] 万元"). The rules belong to the program, so
// every round of the program screens with them.
import { Fragment, type ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { CITY_SCOPES, RULE_PRESET_KEYS, RULE_PRESETS, SHOP_RULE_KINDS, type Rule, type RuleKind } from '../../../../shared/eligibility/rules';
import { ENTITY_KINDS } from '../../../../shared/dossiers/credit-code';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { errorAt, Field, toNumber } from '../common/form-utils';
import { ruleRows, type RuleRow, type SetupOutput, type SetupValues } from './setup-model';

const PLATFORMS = ['淘宝直播', '抖音电商', '淘特'];
/** The threshold inputs of each kind, in sentence order. */
const INPUTS: Partial<Record<RuleKind, (keyof RuleRow)[]>> = {
  minRegisteredCapital: ['minWan'],
  minYearsRegistered: ['years'],
  minDeposit: ['minYuan'],
  minExperienceScore: ['above'],
  noRecentPenalties: ['days'],
  classBViolationPoints: ['days', 'closesAt'],
  maxViolations: ['max'],
};

export function AdmissionRulesSection({ form, readOnly }: { form: UseFormReturn<SetupValues, unknown, SetupOutput>; readOnly: boolean }) {
  const t = useT();
  const { control, register, formState, setValue } = form;
  const rows = useWatch({ control, name: 'program.rules' }) ?? [];
  const e = (path: string) => errorAt(formState.errors, path);

  /** The rule's sentence with its inputs where the locale text puts {input}. */
  const sentence = (row: RuleRow, index: number): ReactNode => {
    const parts = t(`setup.ruleText.${row.kind}` as MessageKey, { input: '\u0000' }).split('\u0000');
    const fields = INPUTS[row.kind] ?? [];
    return parts.map((part, i) => (
      <Fragment key={i}>
        {part}
        {fields[i] && (
          <input
            className="inline-number"
            inputMode="numeric"
            aria-label={t(`setup.ruleText.${row.kind}` as MessageKey, { input: '' })}
            aria-invalid={e(`program.rules.${index}.${fields[i]}`) ? true : undefined}
            disabled={!row.enabled}
            {...register(`program.rules.${index}.${fields[i]}` as 'program.rules.0.minWan', { setValueAs: toNumber })}
          />
        )}
      </Fragment>
    ));
  };

  const renderRow = (row: RuleRow, index: number) => {
    const errors = [...(INPUTS[row.kind] ?? []), 'allowed'].map((f) => e(`program.rules.${index}.${f}`)).filter(Boolean);
    return (
      <li key={row.kind} className={row.enabled ? 'rule' : 'rule off'}>
        <input type="checkbox" {...register(`program.rules.${index}.enabled`)} aria-label={t('setup.rules.enable')} />
        <span className="rule-text">
          {sentence(row, index)}
          {row.kind === 'minYearsRegistered' && (
            <label className="check inline">
              <input type="checkbox" disabled={!row.enabled} {...register(`program.rules.${index}.statementSubstitutes`)} /> {t('setup.rules.statementSubstitutes')}
            </label>
          )}
          {row.kind === 'entityType' && ENTITY_KINDS.map((kind) => (
            <label key={kind} className="check inline">
              <input type="checkbox" value={kind} disabled={!row.enabled} {...register(`program.rules.${index}.allowed`)} /> {t(`entityKind.${kind}`)}
            </label>
          ))}
          {row.kind === 'sameCity' && (
            <select className="inline" aria-label={t('setup.rules.scope.label')} disabled={!row.enabled} {...register(`program.rules.${index}.scope`)}>
              {CITY_SCOPES.map((scope) => <option key={scope} value={scope}>{t(`setup.rules.scope.${scope}`)}</option>)}
            </select>
          )}
          {errors.map((message) => <span key={message} className="field-error" role="alert">{message}</span>)}
        </span>
      </li>
    );
  };

  const applySeed = (seed: readonly Rule[]) => setValue('program.rules', ruleRows(seed), { shouldDirty: true, shouldValidate: true });
  const indexed = rows.map((row, index) => ({ row, index }));
  return (
    <fieldset className="setup-section rules-section" disabled={readOnly}>
      <legend>{t('setup.rules.title')}</legend>
      <p className="hint">{t('setup.rules.sharedHint')}</p>
      <div className="grid">
        <Field label={t('setup.program.platform')} error={e('program.platform')}>
          <input list="rounds-platforms" {...register('program.platform')} aria-invalid={e('program.platform') ? true : undefined} maxLength={30} />
        </Field>
        <Field label={t('setup.program.name')} error={e('program.name')}>
          <input {...register('program.name')} aria-invalid={e('program.name') ? true : undefined} maxLength={100} />
        </Field>
        <div className="field seed-buttons">
          <span>{t('setup.rules.applyDefaults')}</span>
          <div className="actions">
            {RULE_PRESET_KEYS.map((key) => (
              <button key={key} type="button" onClick={() => applySeed(RULE_PRESETS[key])}>{t(`setup.rules.preset.${key}`)}</button>
            ))}
          </div>
        </div>
      </div>
      <datalist id="rounds-platforms">{PLATFORMS.map((p) => <option key={p} value={p} />)}</datalist>
      <div className="rules-columns">
        <div>
          <h3>{t('setup.rules.entity')}</h3>
          <ul className="rules">{indexed.filter(({ row }) => !SHOP_RULE_KINDS.includes(row.kind)).map(({ row, index }) => renderRow(row, index))}</ul>
        </div>
        <div>
          <h3>{t('setup.rules.shop')}</h3>
          <p className="hint">{t('setup.rules.shopHint')}</p>
          <ul className="rules">{indexed.filter(({ row }) => SHOP_RULE_KINDS.includes(row.kind)).map(({ row, index }) => renderRow(row, index))}</ul>
        </div>
      </div>
      {e('program.rules') && <p className="field-error" role="alert">{e('program.rules')}</p>}
    </fieldset>
  );
}
