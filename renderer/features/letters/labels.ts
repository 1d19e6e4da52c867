// Locale keys for letter kinds, fields and template problems. Maps rather than built strings, so the
// compiler checks that every kind and field has a text (MessageKey is derived from the zh-CN files).
import type { LetterField, LetterKind, TemplateProblem } from '../../../shared/letters';
import type { MessageKey, Params } from '../../i18n/i18n';

export const KIND_LABEL: Record<LetterKind, MessageKey> = {
  terminationNotice: 'letters.kind.terminationNotice',
  rectificationNotice: 'letters.kind.rectificationNotice',
  selectionNotice: 'letters.kind.selectionNotice',
  nonSelectionNotice: 'letters.kind.nonSelectionNotice',
};

export const FIELD_LABEL: Record<LetterField, MessageKey> = {
  addressee: 'letters.field.addressee',
  creditCode: 'letters.field.creditCode',
  region: 'letters.field.region',
  program: 'letters.field.program',
  platform: 'letters.field.platform',
  reason: 'letters.field.reason',
  clause: 'letters.field.clause',
  agreement: 'letters.field.agreement',
  deposit: 'letters.field.deposit',
  consequence: 'letters.field.consequence',
  copyTo: 'letters.field.copyTo',
  effectiveDate: 'letters.field.effectiveDate',
  readmissionDate: 'letters.field.readmissionDate',
  deadline: 'letters.field.deadline',
  letterNumber: 'letters.field.letterNumber',
  letterDate: 'letters.field.letterDate',
  issuerName: 'letters.field.issuerName',
  issuerDepartment: 'letters.field.issuerDepartment',
  issuerContact: 'letters.field.issuerContact',
};

type T = (key: MessageKey, params?: Params) => string;

export function problemText(problem: TemplateProblem, t: T): string {
  switch (problem.code) {
    case 'noTitle':
      return t('letters.problem.noTitle');
    case 'unknownField':
      return t('letters.problem.unknownField', { name: problem.name });
    case 'malformedPlaceholder':
      return t('letters.problem.malformedPlaceholder', { text: problem.text, example: '{{addressee}}' });
    case 'requiredFieldAbsent':
      return t('letters.problem.requiredFieldAbsent', { field: t(FIELD_LABEL[problem.field]), name: problem.field });
  }
}
