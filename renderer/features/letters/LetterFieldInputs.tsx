// The inputs of the issue dialog: one per field the template uses, labelled as the letter's fields are.
// Dates are picked and written as the letter writes them (2026年11月23日). For a termination notice, the
// reason category fills the suggested reason, clause and re-admission clause (DOMAIN.md §5) for the chair to
// adjust — from the letter settings of the cooperation's program when it has one, so the clause cites that
// program's rules; under 违反《机构管理规范》 the re-admission clause is left empty until the chair states it.
import { BAN_REASONS, readmissionAfter, type BanReason } from '../../../shared/eligibility/readmission';
import { formatChineseDate, LETTER_FIELD_MAX, parseChineseDate, readmissionText, suggestedTermination, type LetterField, type LetterFields, type LetterKind, type ProgramLetterSettings } from '../../../shared/letters';
import { useT, type MessageKey } from '../../i18n/i18n';
import { builtinLetters, builtinRulePresets } from './builtin';
import { DATE_FIELDS, LONG_FIELDS } from './issue-fields';
import { FIELD_LABEL } from './labels';
import { DateInput } from '../../components/DateInput';

const phrases = builtinLetters.phrases;
const BAN_LABEL = (reason: BanReason): MessageKey => `screening.banReason.${reason}`;

interface Props {
  kind: LetterKind;
  fields: readonly LetterField[];
  values: LetterFields;
  missing: ReadonlySet<LetterField>;
  onChange: (patch: LetterFields) => void;
  disabled?: boolean;
  /** The program's letter settings, when the letter belongs to a cooperation. */
  programSettings?: ProgramLetterSettings | null;
}

export function LetterFieldInputs({ kind, fields, values, missing, onChange, disabled, programSettings }: Props) {
  const t = useT();

  const applyReason = (reason: BanReason) => {
    // Without a program (a letter from the provider's record alone), the rules the pack cites: 淘宝直播区域产业服务商.
    const settings = programSettings ?? builtinRulePresets.settings.taobaoLiveRegional;
    const patch: LetterFields = { ...(programSettings ? programSettings.termination[reason] : suggestedTermination(reason, phrases)) };
    for (const f of ['agreement', 'consequence', 'deposit'] as const) if (fields.includes(f) && !values[f]?.trim()) patch[f] = settings[f];
    const effective = parseChineseDate(values.effectiveDate ?? '');
    if (effective) patch.readmissionDate = readmissionText(readmissionAfter(reason, effective), phrases);
    onChange(patch);
  };

  return (
    <div className="letter-issue-fields">
      {kind === 'terminationNotice' && fields.includes('reason') && (
        <label className="field wide">
          <span>{t('letters.issue.banReason')}</span>
          <select value="" disabled={disabled} onChange={(e) => e.target.value && applyReason(e.target.value as BanReason)}>
            <option value="">{t('letters.issue.banReasonChoose')}</option>
            {BAN_REASONS.map((r) => <option key={r} value={r}>{t(BAN_LABEL(r))}</option>)}
          </select>
        </label>
      )}
      {fields.map((f) => {
        const value = values[f] ?? '';
        const iso = DATE_FIELDS.has(f) ? parseChineseDate(value) : null;
        const asDate = DATE_FIELDS.has(f) && (value.trim() === '' || iso !== null);
        const id = `letter-field-${f}`;
        return (
          <div key={f} className={`field${LONG_FIELDS.has(f) ? ' wide' : ''}${missing.has(f) ? ' letter-field-missing' : ''}`}>
            <label htmlFor={id}>{t(FIELD_LABEL[f])}</label>
            {asDate ? (
              <DateInput id={id} value={iso ?? ''} disabled={disabled} aria-invalid={missing.has(f)} onValue={(v) => onChange({ [f]: v ? formatChineseDate(v) : '' })} />
            ) : (
              <input id={id} type="text" value={value} maxLength={LETTER_FIELD_MAX} disabled={disabled} aria-invalid={missing.has(f)} onChange={(e) => onChange({ [f]: e.target.value.replace(/[\r\n]+/g, ' ') })} />
            )}
            {f === 'readmissionDate' && <ReadmissionHelper disabled={disabled} onPick={(text) => onChange({ readmissionDate: text })} />}
          </div>
        );
      })}
    </div>
  );
}

/** Writes the re-admission clause from the pack's phrases: from a date, never, or once requirements are met. */
function ReadmissionHelper({ onPick, disabled }: { onPick: (text: string) => void; disabled?: boolean }) {
  const t = useT();
  return (
    <span className="letter-readmission-helper small">
      <span className="muted">{t('letters.issue.readmissionFrom')}</span>
      <DateInput aria-label={t('letters.issue.readmissionDate')} disabled={disabled} onValue={(v) => v && onPick(readmissionText({ kind: 'date', until: v }, phrases))} />
      <button type="button" className="link" disabled={disabled} onClick={() => onPick(readmissionText({ kind: 'never' }, phrases))}>{t('letters.issue.readmissionNever')}</button>
      <button type="button" className="link" disabled={disabled} onClick={() => onPick(readmissionText({ kind: 'whenRequirementsMet' }, phrases))}>{t('letters.issue.readmissionWhenMet')}</button>
    </span>
  );
}
