// 计分与排名规则: how the members' scores of a criterion are combined, how price is scored, the minimum total
// for admission, the tie-break chain and the cap on regions one applicant may win.
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from '../common/criteria';
import { errorAt, Field, toNullableNumber, toNumber } from '../common/form-utils';
import type { SetupOutput, SetupValues } from './setup-model';
import { TieBreakList } from './TieBreakList';

export function ScoringRulesSection({ form, readOnly }: { form: UseFormReturn<SetupValues, unknown, SetupOutput>; readOnly: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { control, register, formState } = form;
  const [aggregation, priceMode, criteria, tieBreak, technical, trimMin, scale] = useWatch({
    control,
    name: ['options.aggregation', 'options.priceMode', 'options.criteria', 'options.tieBreak', 'options.technicalCriterion', 'options.trimMinScores', 'options.scale'],
  });
  const keys = (criteria ?? []).map((c) => c.key).filter((k) => k.trim() !== '');
  const e = (path: string) => errorAt(formState.errors, path);
  const invalid = (path: string) => (e(path) ? true : undefined);
  const criterionOptions = keys.map((key) => <option key={key} value={key}>{criterionLabel(key, locale)}</option>);

  return (
    <fieldset className="setup-section" disabled={readOnly}>
      <legend>{t('setup.scoring.title')}</legend>

      <div className="choice-group" role="radiogroup" aria-label={t('setup.aggregation.title')}>
        <div className="choice-title">{t('setup.aggregation.title')}</div>
        <label className="check"><input type="radio" value="mean" {...register('options.aggregation')} /> {t('setup.aggregation.mean')}</label>
        <label className="check">
          <input type="radio" value="trimmedMean" {...register('options.aggregation')} /> {t('setup.aggregation.trimmedMean', { n: Number.isFinite(trimMin) ? trimMin : 5 })}
        </label>
        {aggregation === 'trimmedMean' && (
          <div className="sub">
            <Field label={t('setup.aggregation.trimMinScores')} error={e('options.trimMinScores')} hint={t('setup.aggregation.trimMinScoresHint')}>
              <input className="short" inputMode="numeric" {...register('options.trimMinScores', { setValueAs: toNumber })} aria-invalid={invalid('options.trimMinScores')} />
            </Field>
          </div>
        )}
        <label className="check"><input type="radio" value="median" {...register('options.aggregation')} /> {t('setup.aggregation.median')}</label>
      </div>

      <div className="choice-group" role="radiogroup" aria-label={t('setup.price.title')}>
        <div className="choice-title">{t('setup.price.title')}</div>
        <label className="check"><input type="radio" value="scored" {...register('options.priceMode')} /> {t('setup.price.scored')}</label>
        <label className="check"><input type="radio" value="lowestPrice" {...register('options.priceMode')} /> {t('setup.price.lowestPrice')}</label>
        {priceMode === 'lowestPrice' && (
          <div className="sub">
            <Field label={t('setup.price.criterion')} error={e('options.priceCriterion')} hint={t('setup.price.formula', { max: scale?.max ?? 100 })}>
              <select {...register('options.priceCriterion')} aria-invalid={invalid('options.priceCriterion')}>{criterionOptions}</select>
            </Field>
          </div>
        )}
      </div>

      <div className="choice-group">
        <div className="choice-title">{t('setup.tieBreak.title')}</div>
        <Controller
          control={control}
          name="options.tieBreak"
          render={({ field }) => <TieBreakList value={field.value} onChange={field.onChange} disabled={readOnly} technicalLabel={criterionLabel(technical ?? '', locale)} />}
        />
        {(tieBreak ?? []).includes('higherTechnical') && (
          <div className="sub">
            <Field label={t('setup.tieBreak.technicalCriterion')} error={e('options.technicalCriterion')}>
              <select {...register('options.technicalCriterion')} aria-invalid={invalid('options.technicalCriterion')}>{criterionOptions}</select>
            </Field>
          </div>
        )}
      </div>

      <div className="grid two">
        <Field label={t('setup.minimumTotal')} error={e('options.minimumTotal')} hint={t('setup.minimumTotalHint')}>
          <input inputMode="decimal" placeholder={t('setup.minimumTotalNone')} {...register('options.minimumTotal', { setValueAs: toNullableNumber })} aria-invalid={invalid('options.minimumTotal')} />
        </Field>
        <Field label={t('setup.cap')} error={e('options.cap')} hint={t('setup.capHint')}>
          <input inputMode="numeric" placeholder={t('setup.capNone')} {...register('options.cap', { setValueAs: toNullableNumber })} aria-invalid={invalid('options.cap')} />
        </Field>
      </div>
    </fieldset>
  );
}
