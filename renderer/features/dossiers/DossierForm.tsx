// The dossier form: react-hook-form validated by the very zod schema the backend applies at its boundary.
// Messages are locale keys, translated here. Ctrl+S saves.
import { useEffect, useRef } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CAPABILITIES, TAXPAYER_TYPES, dossierInputSchema, type DossierData, type DossierInput } from '../../../shared/dossiers/schema';
import type { ApiError } from '../../../shared/api/result';
import { translateLoose, useT, type MessageKey } from '../../i18n/i18n';
import { setLeaveGuard } from '../../app/router';
import { DateInput } from '../../components/DateInput';

export const EMPTY_DOSSIER: DossierInput = {
  legalName: '',
  creditCode: '',
  legalRepresentative: '',
  province: '',
  city: '',
  registeredCapitalWan: undefined as unknown as number,
  establishedOn: '',
  taxpayerType: 'general',
  realNameVerified: false,
  isShopAccount: false,
  depositPaidYuan: undefined as unknown as number,
  capabilities: [],
  priceQuoteYuan: null,
  contacts: [{ name: '', phone: '', email: '' }],
  introduction: '',
  notes: '',
};

const toNumber = (v: unknown) => (typeof v === 'number' ? v : String(v ?? '').trim() === '' ? undefined : Number(String(v).replace(/[,，\s]/g, '')));
const toNullableNumber = (v: unknown) => toNumber(v) ?? null;

interface Props {
  initial: DossierInput;
  submitLabel: string;
  /** Returns the backend's error, if any, so field issues can be shown inline. */
  onSubmit: (data: DossierData) => Promise<ApiError | null>;
  disabled?: boolean;
}

export function DossierForm({ initial, submitLabel, onSubmit, disabled }: Props) {
  const t = useT();
  const form = useForm<DossierInput, unknown, DossierData>({ resolver: zodResolver(dossierInputSchema), defaultValues: initial, mode: 'onTouched' });
  const { register, handleSubmit, formState, setError, reset, control } = form;
  // 店铺账号 is yes, no or not known (a blank import cell): not known is its own state, never "no".
  const shopAccount = useWatch({ control, name: 'isShopAccount' });
  const setShopAccount = (value: boolean | null) => form.setValue('isShopAccount', value, { shouldDirty: true });
  const contacts = useFieldArray({ control, name: 'contacts' });
  const formRef = useRef<HTMLFormElement>(null);

  const submit = handleSubmit(async (data) => {
    const error = await onSubmit(data);
    if (!error) {
      // Saved: the page may navigate right away, before the dirty-state effect below runs again.
      setLeaveGuard(null);
      return reset(data as DossierInput);
    }
    for (const issue of error.issues ?? []) setError(issue.path as Path<DossierInput>, { message: issue.key });
  });

  useEffect(() => {
    setLeaveGuard(formState.isDirty ? () => window.confirm(t('common.discardConfirm')) : null);
    return () => setLeaveGuard(null);
  }, [formState.isDirty, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const errorOf = (path: string): string | undefined => {
    let node: unknown = formState.errors;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const message = (node as FieldErrors | undefined)?.message;
    return typeof message === 'string' ? translateLoose(message) : undefined;
  };

  const field = (name: Path<DossierInput>, label: MessageKey, input: React.ReactNode, wide = false) => {
    const error = errorOf(name);
    return (
      <label className={wide ? 'field wide' : 'field'}>
        <span>{t(label)}</span>
        {input}
        {error && <span className="field-error" role="alert">{error}</span>}
      </label>
    );
  };
  const aria = (name: string) => ({ 'aria-invalid': errorOf(name) ? true : undefined });

  return (
    <form ref={formRef} className="dossier-form" onSubmit={submit} noValidate>
      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.identity')}</legend>
        <div className="grid">
          {field('legalName', 'dossier.field.legalName', <input {...register('legalName')} {...aria('legalName')} />, true)}
          {field('creditCode', 'dossier.field.creditCode', <input className="mono" maxLength={22} {...register('creditCode')} {...aria('creditCode')} placeholder="91330100716105852F" />)}
          {field('legalRepresentative', 'dossier.field.legalRepresentative', <input {...register('legalRepresentative')} {...aria('legalRepresentative')} />)}
          {field('province', 'dossier.field.province', <input {...register('province')} {...aria('province')} placeholder="浙江省" />)}
          {field('city', 'dossier.field.city', <input {...register('city')} {...aria('city')} placeholder="杭州市" />)}
          {field('establishedOn', 'dossier.field.establishedOn', <DateInput {...register('establishedOn')} {...aria('establishedOn')} />)}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.qualification')}</legend>
        <div className="grid">
          {field('registeredCapitalWan', 'dossier.field.registeredCapitalWan', <input inputMode="decimal" {...register('registeredCapitalWan', { setValueAs: toNumber })} {...aria('registeredCapitalWan')} />)}
          {field(
            'taxpayerType',
            'dossier.field.taxpayerType',
            <select {...register('taxpayerType')}>
              {TAXPAYER_TYPES.map((type) => (
                <option key={type} value={type}>{t(`taxpayer.${type}`)}</option>
              ))}
            </select>,
          )}
          {field('depositPaidYuan', 'dossier.field.depositPaidYuan', <input inputMode="decimal" {...register('depositPaidYuan', { setValueAs: toNumber })} {...aria('depositPaidYuan')} />)}
          {field('priceQuoteYuan', 'dossier.field.priceQuoteYuan', <input inputMode="decimal" {...register('priceQuoteYuan', { setValueAs: toNullableNumber })} {...aria('priceQuoteYuan')} />)}
          <label className="check">
            <input type="checkbox" {...register('realNameVerified')} /> {t('dossier.field.realNameVerified')}
          </label>
          <label className="check">
            <input type="checkbox" checked={shopAccount === true} disabled={shopAccount == null} onChange={(ev) => setShopAccount(ev.target.checked)} /> {t('dossier.field.isShopAccount')}
          </label>
          <label className="check">
            <input type="checkbox" checked={shopAccount == null} onChange={(ev) => setShopAccount(ev.target.checked ? null : false)} /> {t('dossier.field.shopAccountUnknown')}
          </label>
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.capabilities')}</legend>
        <div className="checks">
          {CAPABILITIES.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" value={c} {...register('capabilities')} /> {t(`capability.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.contacts')}</legend>
        {contacts.fields.map((item, index) => (
          <div key={item.id} className="contact-row">
            {field(`contacts.${index}.name`, 'dossier.contact.name', <input {...register(`contacts.${index}.name`)} {...aria(`contacts.${index}.name`)} />)}
            {field(`contacts.${index}.phone`, 'dossier.contact.phone', <input inputMode="tel" {...register(`contacts.${index}.phone`)} {...aria(`contacts.${index}.phone`)} />)}
            {field(`contacts.${index}.email`, 'dossier.contact.email', <input type="email" {...register(`contacts.${index}.email`)} {...aria(`contacts.${index}.email`)} />)}
            <button type="button" className="link danger-text" onClick={() => contacts.remove(index)}>{t('dossier.contact.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => contacts.append({ name: '', phone: '', email: '' })}>{t('dossier.contact.add')}</button>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.more')}</legend>
        {field('introduction', 'dossier.field.introduction', <textarea rows={4} {...register('introduction')} />, true)}
        {field('notes', 'dossier.field.notes', <textarea rows={3} {...register('notes')} />, true)}
      </fieldset>

      <div className="form-actions">
        {formState.isDirty && <span className="dirty">{t('common.unsaved')}</span>}
        <button type="submit" className="primary" disabled={disabled || formState.isSubmitting} title="Ctrl+S">
          {formState.isSubmitting ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
