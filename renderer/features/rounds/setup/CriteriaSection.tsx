// 评分项与权重: criteria with weights in percent that must add up to exactly 100, with the running total shown
// while typing, and the score scale members score on.
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from '../common/criteria';
import { errorAt, Field, toNumber } from '../common/form-utils';
import { weightsTotal, type SetupOutput, type SetupValues } from './setup-model';

const DEFAULT_KEYS = ['strength', 'technical', 'reputation', 'price'];

export function CriteriaSection({ form, readOnly }: { form: UseFormReturn<SetupValues, unknown, SetupOutput>; readOnly: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { control, register, formState } = form;
  const criteria = useFieldArray({ control, name: 'options.criteria' });
  const watched = useWatch({ control, name: 'options.criteria' }) ?? [];
  const total = weightsTotal(watched);
  const off = Math.round((100 - total) * 100) / 100;
  const e = (path: string) => errorAt(formState.errors, path);
  const listError = e('options.criteria.root') ?? e('options.criteria');

  return (
    <fieldset className="setup-section" disabled={readOnly}>
      <legend>{t('setup.criteria.title')}</legend>
      <table className="table compact criteria-table">
        <thead>
          <tr>
            <th>{t('setup.criteria.name')}</th>
            <th className="num">{t('setup.criteria.weight')}</th>
            {!readOnly && <th aria-label={t('setup.actions')} />}
          </tr>
        </thead>
        <tbody>
          {criteria.fields.map((item, index) => {
            const keyError = e(`options.criteria.${index}.key`);
            const weightError = e(`options.criteria.${index}.weight`);
            // Default criteria are named by the locale; a new one is named by what the chair types.
            const named = DEFAULT_KEYS.includes(item.key);
            return (
              <tr key={item.id}>
                <td>
                  {named ? (
                    <span className="criterion-name">{criterionLabel(item.key, locale)}</span>
                  ) : (
                    <input {...register(`options.criteria.${index}.key`)} aria-label={t('setup.criteria.name')} aria-invalid={keyError ? true : undefined} placeholder={t('setup.criteria.namePlaceholder')} maxLength={40} />
                  )}
                  {keyError && <span className="field-error" role="alert">{keyError}</span>}
                </td>
                <td className="num">
                  <span className="with-unit">
                    <input className="weight" inputMode="decimal" {...register(`options.criteria.${index}.weight`, { setValueAs: toNumber })} aria-label={t('setup.criteria.weightOf', { name: criterionLabel(item.key, locale) || String(index + 1) })} aria-invalid={weightError ? true : undefined} />
                    <span>%</span>
                  </span>
                  {weightError && <span className="field-error" role="alert">{weightError}</span>}
                </td>
                {!readOnly && (
                  <td className="row-actions">
                    <button type="button" className="link danger-text" onClick={() => criteria.remove(index)} disabled={criteria.fields.length <= 1}>{t('setup.remove')}</button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className={total === 100 ? 'total ok' : 'total bad'}>
            <td>{t('setup.criteria.total')}</td>
            <td className="num" aria-live="polite">{total}%</td>
            {!readOnly && <td />}
          </tr>
        </tfoot>
      </table>
      {total !== 100 ? (
        <p className="field-error" role="alert">{t(off > 0 ? 'setup.criteria.totalShort' : 'setup.criteria.totalOver', { total, diff: Math.abs(off) })}</p>
      ) : (
        listError && <p className="field-error" role="alert">{listError}</p>
      )}
      {!readOnly && (
        <button type="button" className="add-row" onClick={() => criteria.append({ key: '', weight: Math.max(0, off) })} disabled={criteria.fields.length >= 20}>
          {t('setup.criteria.add')}
        </button>
      )}
      <div className="grid two scale-row">
        <Field label={t('setup.scale.min')} error={e('options.scale.min')}>
          <input inputMode="decimal" {...register('options.scale.min', { setValueAs: toNumber })} aria-invalid={e('options.scale.min') ? true : undefined} />
        </Field>
        <Field label={t('setup.scale.max')} error={e('options.scale.max')}>
          <input inputMode="decimal" {...register('options.scale.max', { setValueAs: toNumber })} aria-invalid={e('options.scale.max') ? true : undefined} />
        </Field>
      </div>
    </fieldset>
  );
}
