// Every default of the lifecycle core lives here, in one place (the openskill.js `constants.ts` habit), so a
// reader finds what happens after selection when the chair changes nothing. The rule sets in kpi-rules.ts
// are built from these numbers; the chair edits the thresholds per program.

// ------------------------------------------------------------------------- seed 001 (抖音古董艺术品产业带服务商)

/** Seed 001 §3.2 "试跑期为3个月,试跑开始日期为每月1日". */
export const TRIAL_MONTHS = 3;

/** Seed 001 §3.3 "常规考核期为3个月,考核期开始日期为每月1日". */
export const PERIOD_MONTHS = 3;

/** Seed 001 §3.2 指标1/2: "新增绑定…商家(店铺)数量不小于10家" — per period, on top of the previous one (§3.4). */
export const MIN_NEWLY_BOUND = 10;

/** Seed 001 §3.2 指标1: "新增绑定的商家在3个月考核期内GMV不低于5万" (元). */
export const MIN_GMV_YUAN = 50_000;

/** Seed 001 §3.2 指标2: "首月订单量不低于1万单". */
export const MIN_FIRST_MONTH_ORDERS = 10_000;

/** Seed 001 §3.2 指标2: "每个月订单量环比增长率不低于10%", growth = (当月 − 上月) / 上月 (§3.4). */
export const MIN_MONTHLY_GROWTH_PERCENT = 10;

/** Seed 001 §3.2: "服务商公司至少2人通过平台推送的抖音电商规则考试". */
export const MIN_STAFF_PASSED_EXAM = 2;

// ------------------------------------------------------------------------------------ seed 002 (淘特品牌认证)

/**
 * Seed 002 FAQ 4: "从您店铺认证为品牌店的第二个自然月开始考核 … 如:X店铺9月2日申请品牌认证并被审核通过,则从10月1日
 * 期开始考核,10月31日第一次判断是否合格". The month of certification is the first natural month, so the first
 * assessed month is the NEXT calendar month (offset 1). DOMAIN.md's "second calendar month after
 * certification" could be read as offset 2 (certified 11-15 → January); the seed's own example decides
 * for offset 1. The offset is an editable threshold of the rule set, so a program may choose 2.
 */
export const FIRST_ASSESSED_MONTH_OFFSET = 1;

/** Seed 002 考核项①: "商家层级L3及以上" — the level number of L3. */
export const MIN_MERCHANT_LEVEL = 3;

/** Highest merchant level number accepted in figures and thresholds (a bound for validation, not a rule). */
export const MAX_MERCHANT_LEVEL = 10;

/** Seed 002 考核项②: "近30天发揽率>=90%". */
export const MIN_PICKUP_RATE_PERCENT = 90;

/** Seed 002 考核项③: "近30天客服响应率>=85%". */
export const MIN_RESPONSE_RATE_PERCENT = 85;

// ------------------------------------------------------------------------------ endings and re-admission

/** Seed 001 §五 / seed 003 第一条(三)3, 5: the 180-day waiting period where a program's rules state one. */
export { COOLDOWN_DAYS } from '../eligibility/readmission';

/** Seed 000 三、1: the rule an 安心鉴 institution is terminated under (清退依据). */
export const ANXINJIAN_SERVICE_RULES = '《淘宝网“安心鉴”服务规范》';

/** Seed 000 三: "同时平台将通知安心鉴服务商…解除双方协议" — told of every ending. */
export const ANXINJIAN_SERVICE_PARTNER = '安心鉴服务商';

// -------------------------------------------------------------------------------------------- presentation

/**
 * Computed percentages (order growth) are shown with this many decimals, rounded half away from zero from
 * the exact ratio: 1,099 / 11,000 = 9.990909…% shows as 9.99%. The comparison never uses the rounded value
 * (a growth of 9.999% shows as 10.00% and still fails a 10% threshold).
 */
export const PERCENT_DECIMALS = 2;

/** Bounds for validating entered figures (a typing slip of extra zeros is refused, not assessed). */
export const MAX_COUNT = 1_000_000_000_000;
export const MAX_YUAN = 1_000_000_000_000;
