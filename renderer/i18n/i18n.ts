// zh-CN first, English second. Strings live in resources/locales; the chosen locale is remembered.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import zhCore from '../../resources/locales/zh-CN.json';
import enCore from '../../resources/locales/en.json';
// Feature strings live in one file per feature and locale, so features can grow independently.
import zhRoundsSetup from '../../resources/locales/zh-CN/rounds-setup.json';
import enRoundsSetup from '../../resources/locales/en/rounds-setup.json';
import zhRoundsScoring from '../../resources/locales/zh-CN/rounds-scoring.json';
import enRoundsScoring from '../../resources/locales/en/rounds-scoring.json';
import zhLetters from '../../resources/locales/zh-CN/letters.json';
import enLetters from '../../resources/locales/en/letters.json';
import zhCooperations from '../../resources/locales/zh-CN/cooperations.json';
import enCooperations from '../../resources/locales/en/cooperations.json';
import zhAssessments from '../../resources/locales/zh-CN/assessments.json';
import enAssessments from '../../resources/locales/en/assessments.json';
import zhBackup from '../../resources/locales/zh-CN/backup.json';
import enBackup from '../../resources/locales/en/backup.json';
import zhExchange from '../../resources/locales/zh-CN/exchange.json';
import enExchange from '../../resources/locales/en/exchange.json';
import zhTrust from '../../resources/locales/zh-CN/trust.json';
import enTrust from '../../resources/locales/en/trust.json';
import zhCommitteeDay from '../../resources/locales/zh-CN/committee-day.json';
import enCommitteeDay from '../../resources/locales/en/committee-day.json';
import zhLists from '../../resources/locales/zh-CN/lists.json';
import enLists from '../../resources/locales/en/lists.json';
import zhCommitteeDay2 from '../../resources/locales/zh-CN/committee-day-2.json';
import enCommitteeDay2 from '../../resources/locales/en/committee-day-2.json';

const zhCN = { ...zhCore, ...zhRoundsSetup, ...zhRoundsScoring, ...zhLetters, ...zhCooperations, ...zhAssessments, ...zhBackup, ...zhExchange, ...zhTrust, ...zhCommitteeDay, ...zhLists, ...zhCommitteeDay2 };
const en = { ...enCore, ...enRoundsSetup, ...enRoundsScoring, ...enLetters, ...enCooperations, ...enAssessments, ...enBackup, ...enExchange, ...enTrust, ...enCommitteeDay, ...enLists, ...enCommitteeDay2 };
export type MessageKey = keyof typeof zhCN;
// The compiler checks that English has every zh-CN key.
const catalogs = { 'zh-CN': zhCN, en } satisfies Record<string, Record<MessageKey, string>>;
export type Locale = keyof typeof catalogs;
export type Params = Record<string, string | number>;

export const useLocale = create<{ locale: Locale; setLocale: (locale: Locale) => void }>()(
  persist((set) => ({ locale: 'zh-CN', setLocale: (locale) => set({ locale }) }), { name: 'review-desk-locale' }),
);

export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

export function translate(key: MessageKey, params: Params = {}, locale: Locale = useLocale.getState().locale): string {
  const template: string = catalogs[locale][key] ?? zhCN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Translate a key that came from data (a zod issue message); unknown keys fall back to a generic text. */
export function translateLoose(key: string, params: Params = {}): string {
  return translate(isMessageKey(key) ? key : 'error.invalid', params);
}

export function useT(): (key: MessageKey, params?: Params) => string {
  const locale = useLocale((s) => s.locale);
  return (key, params) => translate(key, params, locale);
}
