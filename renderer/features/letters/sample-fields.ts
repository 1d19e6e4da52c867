// The values the template editor's preview fills in: a made-up provider (names from the locale files) with
// dates around today, worded by the pack's phrases, so the chair sees a complete letter of each kind.
import { addDays } from '../../../shared/common/dates';
import { buildLetterFields, formatLetterNumber, LETTER_PREFIX_FORBIDDEN, type LetterFields, type LetterKind, type LetterNumberStyle } from '../../../shared/letters';
import type { MessageKey } from '../../i18n/i18n';
import { builtinLetters, builtinRulePresets } from './builtin';
import { todayIso } from './issue-fields';

type T = (key: MessageKey) => string;

const REASON: Record<LetterKind, MessageKey | null> = {
  terminationNotice: null, // the pack's suggested reason for a failed assessment
  rectificationNotice: 'letters.sample.rectificationReason',
  selectionNotice: null,
  nonSelectionNotice: 'letters.sample.nonSelectionReason',
};

/** The number a prefix gives the first letter of a year, or null when the prefix is not allowed. */
export function exampleNumber(prefix: string, year: number, style?: LetterNumberStyle): string | null {
  return LETTER_PREFIX_FORBIDDEN.test(prefix.trim()) ? null : formatLetterNumber(prefix, year, 1, style);
}

export function sampleFields(kind: LetterKind, prefix: string, t: T, today: string = todayIso(), style?: LetterNumberStyle): LetterFields {
  const phrases = builtinLetters.phrases;
  // The sample provider is a 淘宝直播区域产业服务商 (letters.sample.program): that program's default texts.
  const preset = builtinRulePresets.settings.taobaoLiveRegional;
  const suggested = phrases.termination.failedAssessment;
  const reasonKey = REASON[kind];
  return buildLetterFields(
    {
      addressee: t('letters.sample.addressee'),
      creditCode: '91330106MA2GL8XK42',
      region: t('letters.sample.region'),
      program: t('letters.sample.program'),
      platform: t('letters.sample.platform'),
      reason: reasonKey ? t(reasonKey) : suggested.reason,
      clause: kind === 'rectificationNotice' ? preset.rectificationClause : suggested.clause,
      effectiveDate: today,
      deadline: addDays(today, 30),
      readmission: { kind: 'date', until: addDays(today, 180) },
      agreement: preset.agreement,
      consequence: preset.consequence,
      deposit: preset.deposit,
      copyTo: t('letters.sample.copyTo'),
      letterNumber: exampleNumber(prefix, Number(today.slice(0, 4)), style) ?? '',
      letterDate: today,
      issuerName: t('letters.sample.issuerName'),
      issuerDepartment: t('letters.sample.issuerDepartment'),
      issuerContact: t('letters.sample.issuerContact'),
    },
    phrases,
  );
}
