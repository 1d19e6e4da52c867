// 低价优先法 (DOMAIN.md 综合评分法; 财政部令第87号 §55): price score = benchmark ÷ quote × full marks, the
// benchmark (评标基准价) being the lowest valid quote. Used when options.priceMode is 'lowestPrice'.
// 加权总分由精确值计算，只在最后四舍五入到两位小数: the weighted total takes the exact ratio (priceScoreExact);
// the 2-decimal price score is for display only.
import { toHundredths } from './decimal';
import { ratio, roundRatio, type Ratio } from './exact';

/**
 * A quote is valid when present and positive. A missing or non-positive quote cannot be a benchmark (it would
 * give everyone else 0) and earns a price score of 0, flagged `invalidQuote` so the committee sees why.
 */
export function isValidQuote(quote: number | null): quote is number {
  return quote !== null && Number.isFinite(quote) && quote > 0;
}

/**
 * The benchmark of a region: the lowest valid quote among the region's ELIGIBLE applications (an ineligible
 * bid is not a valid bid, 87号令 §55 "满足招标文件要求"). Incomplete or below-minimum applications still count:
 * their quote is valid whatever their scores, and the benchmark must not move as members finish scoring.
 */
export function benchmarkQuote(quotes: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const q of quotes) if (isValidQuote(q) && (best === null || q < best)) best = q;
  return best;
}

/**
 * Price score in hundredths, exact: benchmark / quote × fullMarks (quotes have at most 2 decimals, so the ratio
 * is of integers in 分). Full marks = the scale's maximum. Not clamped to the scale's minimum: the formula is
 * the rule, and with the usual 0–100 scale it never goes below 0 anyway. Example: 38,000 / 45,000 × 100 =
 * 84.444…, which enters the total as 760000/9 hundredths, not as 84.44.
 */
export function priceScoreExact(quote: number | null, benchmark: number | null, fullMarks: number): Ratio {
  if (!isValidQuote(quote) || benchmark === null) return ratio(0);
  return ratio(BigInt(toHundredths(benchmark)) * BigInt(toHundredths(fullMarks)), BigInt(toHundredths(quote)));
}

/**
 * The displayed price score in hundredths: priceScoreExact rounded half up once.
 * Example (the golden test): quotes 38,000 / 40,000 / 50,000 元 → 100.00, 95.00, 76.00.
 */
export function priceScoreHundredths(quote: number | null, benchmark: number | null, fullMarks: number): number {
  return roundRatio(priceScoreExact(quote, benchmark, fullMarks));
}
