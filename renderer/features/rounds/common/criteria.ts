// Criterion keys are stored as given. The four default keys (shared/ranking/defaults.ts) have names in the
// locale files; a criterion the chair adds is named by its key, which the chair typed in their language.
import { isMessageKey, translate, type Locale } from '../../../i18n/i18n';

export function criterionLabel(key: string, locale?: Locale): string {
  const messageKey = `setup.criterion.${key}`;
  return isMessageKey(messageKey) ? translate(messageKey, {}, locale) : key;
}
