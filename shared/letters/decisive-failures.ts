// The failures a letter states as its reason: the decisive ones, not every indicator that missed its mark.
// A notice gives the reasons the outcome rests on, as an official would write them; listing an indicator
// that did not decide anything invites the reply "but that one did not matter".
// - Seed 001 (periodic): the rule is (GMV route OR order route) AND staff exam (满足其一即可 + 至少2人通过考试).
//   When a route passed, its sibling's failures decided nothing: only the staff exam can be decisive. When
//   no route passed, every failed indicator of each route is part of why that route failed, so all are
//   stated; the staff exam, when failed, always is.
// - Seed 002 (monthlyWarning): every item is required (商家层级 / 发揽率 / 客服响应率), so each failed item
//   is decisive on its own.
// Missing figures are never a failure here (an incomplete result is not a failed one).
import type { AssessmentResult, KpiKey, KpiResult, RouteKey } from '../lifecycle/results';

/** Seed 001: the indicators each route needs (assess-periodic: gmv = 新增绑定 + GMV; orders = 新增绑定 + 首月订单 + 环比). */
const ROUTE_KPIS: Readonly<Record<RouteKey, readonly KpiKey[]>> = {
  gmv: ['newlyBound', 'gmv'],
  orderGrowth: ['newlyBound', 'firstMonthOrders', 'orderGrowth'],
};

/** The failed indicators the outcome rests on, in the result's order; [] when nothing failed. */
export function decisiveFailures(result: AssessmentResult): KpiResult[] {
  const failed = result.kpis.filter((k) => k.outcome === 'fail');
  if (result.kind !== 'periodic' || !result.routes) return failed;
  const routePassed = result.routes.some((r) => r.outcome === 'pass');
  if (routePassed) return failed.filter((k) => !ROUTE_KPIS.gmv.includes(k.kpi) && !ROUTE_KPIS.orderGrowth.includes(k.kpi));
  return failed;
}
