// Turns an API error into text for the current locale: field issues and known codes are translated;
// otherwise the backend's own zh-CN message is shown as is.
import type { ApiError, ErrorCode } from '../../shared/api/result';
import { translate, translateLoose, useLocale, type MessageKey } from '../i18n/i18n';
import { toast } from '../app/toasts';

const CODE_KEYS: Partial<Record<ErrorCode, MessageKey>> = {
  NOT_FOUND: 'error.notFound',
  NO_USER: 'error.noUser',
  INTERNAL: 'error.internal',
  EXPIRED: 'error.previewExpired',
};

export function errorText(error: ApiError): string {
  if (useLocale.getState().locale === 'zh-CN') return error.message;
  if (error.issues?.[0]) return translateLoose(error.issues[0].key, error.issues[0].params);
  const key = CODE_KEYS[error.code];
  return key ? translate(key) : error.message;
}

export const toastError = (error: ApiError): void => toast('error', errorText(error));
