// A criterion's label: the four default criteria (seed 000: 公司实力, 技术水平, 业内口碑, 服务报价) have locale
// keys; a criterion the chair added is shown by its own key, which is the name the chair typed.
import { isMessageKey, type MessageKey } from '../../../i18n/i18n';

export function criterionLabel(t: (key: MessageKey) => string, key: string): string {
  const messageKey = `criterion.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}
