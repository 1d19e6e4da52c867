// The dossier form: react-hook-form validated by the very zod schema the backend applies at its boundary.
// Messages are locale keys, translated here. Ctrl+S saves.
import { useEffect, useRef } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CAPABILITIES, TAXPAYER_TYPES, dossierInputSchemaOn, type DossierData, type DossierInput, type IdentityKind } from '../../../shared/dossiers/schema';
import { IDENTITY_KINDS } from '../../../shared/dossiers/identity';
import type { ApiError } from '../../../shared/api/result';
import { translateLoose, useT, type MessageKey } from '../../i18n/i18n';
import { setLeaveGuard } from '../../app/router';
import { DateInput } from '../../components/DateInput';

export const EMPTY_DOSSIER: DossierInput = {
  identityKind: 'organization',
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

/** The local calendar day: a 居民身份证号's birth date may not be after it. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Props {
  initial: DossierInput;
  submitLabel: string;
  /** Returns the backend's error, if any, so field issues can be shown inline. */
  onSubmit: (data: DossierData) => Promise<ApiError | null>;
  disabled?: boolean;
}

export function DossierForm({ initial, submitLabel, onSubmit, disabled }: Props) {
  const t = useT();
  const form = useForm<DossierInput, unknown, DossierData>({ resolver: zodResolver(dossierInputSchemaOn(localToday())), defaultValues: { identityKind: 'organization', ...initial }, mode: 'onTouched' });
  const { register, handleSubmit, formState, setError, reset, control } = form;
  // 机构/企业 or 个人 (《精选联盟资质认证》 admits persons): a person is identified by a 居民身份证号 and is their
  // own representative; registered capital and taxpayer type do not apply and are stored as 0 / 小规模.
  const kind = useWatch({ control, name: 'identityKind' }) ?? 'organization';
  const person = kind === 'individual';
  const setKind = (next: IdentityKind) => {
    if (next === kind) return;
    const opts = { shouldDirty: true } as const;
    form.setValue('identityKind', next, opts);
    if (next === 'individual') {
      form.setValue('legalRepresentative', '', opts);
      form.setValue('registeredCapitalWan', 0, opts);
      form.setValue('taxpayerType', 'small', opts);
    }
    form.clearErrors(['creditCode', 'legalRepresentative']);
    if (form.getValues('creditCode')) void form.trigger('creditCode');
  };
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
        <div className="segmented identity-kind" role="radiogroup" aria-label={t('dossier.field.identityKind')}>
          {IDENTITY_KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'selected' : ''} onClick={() => setKind(k)}>
              {t(`identityKind.${k}`)}
            </button>
          ))}
        </div>
        {person && <p className="hint">{t('dossier.individualHint')}</p>}
        <div className="grid">
          {field('legalName', person ? 'dossier.field.personName' : 'dossier.field.legalName', <input {...register('legalName')} {...aria('legalName')} />, true)}
          {person
            ? field('creditCode', 'dossier.field.residentId', <input className="mono" maxLength={22} {...register('creditCode')} {...aria('creditCode')} placeholder="11010519491231002X" title={t('dossier.field.residentIdHint')} />)
            : field('creditCode', 'dossier.field.creditCode', <input className="mono" maxLength={22} {...register('creditCode')} {...aria('creditCode')} placeholder="91330100716105852F" />)}
          {!person && field('legalRepresentative', 'dossier.field.legalRepresentative', <input {...register('legalRepresentative')} {...aria('legalRepresentative')} />)}
          {field('province', 'dossier.field.province', <input {...register('province')} {...aria('province')} placeholder="浙江省" />)}
          {field('city', 'dossier.field.city', <input {...register('city')} {...aria('city')} placeholder="杭州市" />)}
          {field('establishedOn', person ? 'dossier.field.startedOn' : 'dossier.field.establishedOn', <DateInput {...register('establishedOn')} {...aria('establishedOn')} />)}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('dossier.section.qualification')}</legend>
        <div className="grid">
          {!person && field('registeredCapitalWan', 'dossier.field.registeredCapitalWan', <input inputMode="decimal" {...register('registeredCapitalWan', { setValueAs: toNumber })} {...aria('registeredCapitalWan')} />)}
          {!person && field(
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
            <input type="checkbox" {...register('realNameVerified')} /> {t(person ? 'dossier.field.realNameVerifiedPerson' : 'dossier.field.realNameVerified')}
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
