// Explanations in words (renderer/features/rounds/ranking/explanation-text.ts), in zh-CN as the committee
// reads them, built from the facts and reason codes of shared/ranking/explain.ts.
import { describe, expect, it } from 'vitest';
import zh from '../../../resources/locales/zh-CN/rounds-scoring.json';
import type { Explanation } from '../../../shared/ranking/explain';
import { explanationSentences, type ExplainContext } from '../../../renderer/features/rounds/ranking/explanation-text';

const messages = zh as Record<string, string>;
const names: Record<string, string> = { a: '甲鉴定公司', b: '乙鉴定公司', c: '丙鉴定公司' };
const context: ExplainContext = {
  t: (k, params = {}) => (messages[k] ?? k).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? '')),
  applicationName: (id) => names[id] ?? id,
  regionName: (id) => ({ hz: '杭州珠宝产业带', sz: '深圳水贝产业带' })[id] ?? id,
  criterionName: (k) => messages[`criterion.${k}`] ?? k,
  tiedWith: (_group, self) => ['a', 'b', 'c'].filter((id) => id !== self).map((id) => names[id]!),
  join: (list) => list.join('、'),
};

function explanation(overrides: Partial<Explanation>): Explanation {
  return {
    applicationId: 'a', applicantId: '1', regionId: 'hz', preference: 1, status: 'admitted', rank: 1, rankedCount: 12, total: 91.2, quota: 2,
    cutoffTotal: 86.5, minimumTotal: null, cap: null, wins: [], waitlistPosition: null, waitlistLength: 2, tieBreaks: [], stillTiedGroup: null,
    seatsPendingCommittee: 0, reasons: [], provisional: false, ...overrides,
  };
}

describe('explanation sentences', () => {
  it('admitted', () => {
    expect(explanationSentences(explanation({}), context)).toEqual(['第 1 名（共 12 名），综合得分 91.20；名额 2，入选']);
  });

  it('not admitted behind the cutoff', () => {
    const e = explanation({ status: 'notAdmitted', rank: 3, total: 84.2, reasons: [{ code: 'quotaFull', quota: 2, cutoffTotal: 86.5 }] });
    expect(explanationSentences(e, context)[0]).toBe('第 3 名（共 12 名），综合得分 84.20；名额 2，分数线 86.50，未入选');
  });

  it('waitlist, with the tie-break that placed it', () => {
    const e = explanation({ status: 'waitlist', rank: 3, total: 80, cutoffTotal: 81.1, waitlistPosition: 1, reasons: [{ code: 'quotaFull', quota: 2, cutoffTotal: 81.1 }], tieBreaks: [{ level: 'lowerPrice', against: 'b', outcome: 'won' }] });
    expect(explanationSentences(e, context)).toEqual(['第 3 名（共 12 名），综合得分 80.00；名额 2，分数线 81.10，候补第 1 位', '与 乙鉴定公司 总分相同，报价较低，排在其前']);
  });

  it('tied at the cutoff: the committee must decide', () => {
    const e = explanation({ status: 'tiedAtCutoff', rank: 2, total: 86.5, stillTiedGroup: 'hz#2', seatsPendingCommittee: 1, reasons: [{ code: 'tiedAtCutoff', groupId: 'hz#2', seatsPendingCommittee: 1 }] });
    expect(explanationSentences(e, context)[0]).toBe('第 2 名（共 12 名），综合得分 86.50；名额 2，与 乙鉴定公司、丙鉴定公司 并列于名额线（1 个名额待定）：需评审小组确定顺序');
  });

  it('with a cap: a preferred region was won', () => {
    const e = explanation({ status: 'notAdmitted', cap: 1, preference: 2, reasons: [{ code: 'preferredRegionWon', cap: 1, wonRegionIds: ['sz'] }] });
    expect(explanationSentences(e, context)[0]).toBe('第 1 名（共 12 名），综合得分 91.20；已入选志愿更靠前的 深圳水贝产业带（每家最多入选 1 个区域），未入选');
  });

  it('screened out, incomplete, below the minimum, and the informational reasons', () => {
    expect(explanationSentences(explanation({ status: 'ineligible', rank: null, total: null, reasons: [{ code: 'ineligible' }] }), context)).toEqual(['资格审查未通过，不参与排名']);
    expect(explanationSentences(explanation({ status: 'incomplete', rank: null, total: null, reasons: [{ code: 'incomplete', missingCriteria: ['technical'] }] }), context)).toEqual(['评分不完整（缺少：技术水平），暂不参与排名']);
    const below = explanation({ status: 'belowMinimum', rank: 5, total: 55, minimumTotal: 60, reasons: [{ code: 'belowMinimum', total: 55, minimumTotal: 60 }, { code: 'recusedMembers', count: 1 }, { code: 'invalidQuote' }] });
    expect(explanationSentences(below, context)).toEqual(['第 5 名（共 12 名），综合得分 55.00；低于最低分 60.00，未入选', '1 位委员回避，其评分不计入', '报价缺失或无效，价格分按 0 计']);
    const tied = explanation({ status: 'notAdmitted', rank: 7, reasons: [{ code: 'quotaFull', quota: 2, cutoffTotal: 86.5 }, { code: 'stillTied', groupId: 'hz#7' }] });
    expect(explanationSentences(tied, context)[1]).toBe('与 乙鉴定公司、丙鉴定公司 并列：需评审小组确定顺序');
  });

  it('has a text for every tie-break level and outcome', () => {
    for (const level of ['lowerPrice', 'higherTechnical', 'committee'] as const) {
      for (const outcome of ['won', 'lost'] as const) expect(messages[`ranking.explain.tie.${level}.${outcome}`], `${level}.${outcome}`).toBeTruthy();
    }
  });
});
