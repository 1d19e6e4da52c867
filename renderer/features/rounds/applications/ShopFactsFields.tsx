// Facts for the shop-level gates of 《精选联盟资质认证》, declared per application (a dossier holds no shop data). Each one may
// be left 未填写: screening then reports the rule as 未提供 and fails it — an unknown is never a pass.
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useT } from '../../../i18n/i18n';
import { errorAt, Field, toNullableBoolean, toNullableNumber, toNullableText } from '../common/form-utils';
import type { ApplicationFormValues } from './ApplicationForm';
import { DateInput } from '../../../components/DateInput';

interface Props {
  register: UseFormRegister<ApplicationFormValues>;
  control: Control<ApplicationFormValues>;
  errors: FieldErrors<ApplicationFormValues>;
}

export function ShopFactsFields({ register, control, errors }: Props) {
  const t = useT();
  const hasPenalty = useWatch({ control, name: 'shopFacts.hasPenaltyRecord' });
  const e = (path: string) => errorAt(errors, path);
  const triState = (name: 'shopFacts.shopOperating' | 'shopFacts.hasPenaltyRecord' | 'shopFacts.seriousViolations' | 'shopFacts.brandQualificationsComplete', yes: string, no: string) => (
    <select {...register(name, { setValueAs: toNullableBoolean })}>
      <option value="">{t('applications.shop.unknown')}</option>
      <option value="false">{no}</option>
      <option value="true">{yes}</option>
    </select>
  );
  return (
    <fieldset className="plain">
      <legend>{t('applications.shop.title')}</legend>
      <div className="grid two">
        <Field label={t('applications.shop.shopOperating')}>{triState('shopFacts.shopOperating', t('applications.shop.operatingYes'), t('applications.shop.operatingNo'))}</Field>
        <Field label={t('applications.shop.experienceScore')} error={e('shopFacts.experienceScore')} hint={t('applications.shop.experienceScoreHint')}>
          <input inputMode="decimal" placeholder={t('applications.shop.unknown')} {...register('shopFacts.experienceScore', { setValueAs: toNullableNumber })} aria-invalid={e('shopFacts.experienceScore') ? true : undefined} />
        </Field>
        <Field label={t('applications.shop.penalties')}>{triState('shopFacts.hasPenaltyRecord', t('applications.shop.penaltyYes'), t('applications.shop.penaltyNo'))}</Field>
        {hasPenalty === true && (
          <Field label={t('applications.shop.lastPenaltyOn')} error={e('shopFacts.lastPenaltyOn')}>
            <DateInput {...register('shopFacts.lastPenaltyOn', { setValueAs: toNullableText })} />
          </Field>
        )}
        <Field label={t('applications.shop.seriousViolations')}>{triState('shopFacts.seriousViolations', t('applications.shop.violationYes'), t('applications.shop.violationNo'))}</Field>
        <Field label={t('applications.shop.brandQualifications')}>{triState('shopFacts.brandQualificationsComplete', t('applications.shop.brandYes'), t('applications.shop.brandNo'))}</Field>
        <Field label={t('applications.shop.classBPoints')} error={e('shopFacts.classBPoints')} hint={t('applications.shop.classBPointsHint')}>
          <input inputMode="decimal" placeholder={t('applications.shop.unknown')} {...register('shopFacts.classBPoints', { setValueAs: toNullableNumber })} aria-invalid={e('shopFacts.classBPoints') ? true : undefined} />
        </Field>
        <Field label={t('applications.shop.violationCount')} error={e('shopFacts.violationCount')} hint={t('applications.shop.violationCountHint')}>
          <input inputMode="numeric" placeholder={t('applications.shop.unknown')} {...register('shopFacts.violationCount', { setValueAs: toNullableNumber })} aria-invalid={e('shopFacts.violationCount') ? true : undefined} />
        </Field>
      </div>
    </fieldset>
  );
}
