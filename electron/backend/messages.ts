// Backend messages are rendered in zh-CN from the same locale file the UI uses.
import zhCN from '../../resources/locales/zh-CN.json';

const catalog: Record<string, string> = zhCN;

export function zh(key: string, params: Record<string, string | number> = {}): string {
  const template = catalog[key] ?? catalog['error.invalid']!;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Whether a string is a locale key (zod issue messages are keys; third-party messages are not). */
export const isMessageKey = (text: string): boolean => text in catalog;
