import type { DossierInput } from '../../shared/dossiers/schema';

/** Real, checksum-valid 统一社会信用代码 of well-known companies (public registry data). */
export const REAL_CREDIT_CODES = ['91330100716105852F', '9144030071526726XG', '914403001922038216', '91110000802100433B', '91310000MA1FL1MMXL', '91330106673959654P'];

/** A complete, valid dossier input; override what a test is about. */
export function dossierInput(overrides: Partial<DossierInput> = {}): DossierInput {
  return {
    legalName: '杭州安心珠宝检测技术有限公司',
    creditCode: REAL_CREDIT_CODES[0]!,
    legalRepresentative: '陈明',
    province: '浙江省',
    city: '杭州市',
    registeredCapitalWan: 500,
    establishedOn: '2018-06-01',
    taxpayerType: 'general',
    realNameVerified: true,
    isShopAccount: false,
    depositPaidYuan: 100000,
    capabilities: ['bd', 'operation', 'coaching', 'training', 'traffic', 'sourcing'],
    priceQuoteYuan: 38000,
    contacts: [{ name: '李娜', phone: '13800138000', email: 'lina@example.com' }],
    introduction: '专注珠宝玉石检测十余年',
    notes: '',
    ...overrides,
  };
}
