// A termination notice about a cooperation starts from what its ending event recorded: for an 安心鉴
// institution the rule it was terminated under (《淘宝网“安心鉴”服务规范》), and the region(s) concerned.
import { describe, expect, it } from 'vitest';
import { cooperationLetterFields } from '../../../renderer/features/cooperations/letter-fields';
import type { Cooperation } from '../../../shared/cooperations/views';

const cooperation = (detail: Record<string, unknown>): Cooperation => ({
  id: 'c1', programId: 'p', programName: '安心鉴鉴定机构', dossierId: 1, legalName: '杭州明鉴珠宝检测技术有限公司', creditCode: '91330106MA2H7K3L50', regionName: '杭州珠宝产业带',
  status: 'terminated', startedOn: '2026-11-23', endedOn: '2027-03-01', endReason: 'agencyRules', roundId: null, applicationId: null, regionId: null, version: 2,
  events: [{ id: 'e1', event: 'terminate', effectiveOn: '2027-03-01', fromStatus: 'formal', toStatus: 'terminated', reason: '鉴定结论失实', detail, recordedAt: '', recordedBy: '' }],
});

describe('cooperationLetterFields', () => {
  it('cites the rule and names the region the ending event recorded', () => {
    const fields = cooperationLetterFields('terminationNotice', cooperation({ banReason: 'agencyRules', readmission: { kind: 'date', until: '2027-03-01' }, ruleBasis: '《淘宝网“安心鉴”服务规范》', regions: ['杭州珠宝产业带'] }), null, '2027-03-02');
    expect(fields).toMatchObject({ clause: '《淘宝网“安心鉴”服务规范》', region: '杭州珠宝产业带', effectiveDate: '2027年3月1日' });
  });

  it('keeps the suggested clause when the event cites no rule', () => {
    const fields = cooperationLetterFields('terminationNotice', cooperation({ banReason: 'agencyRules', readmission: { kind: 'date', until: '2027-03-01' } }), null, '2027-03-02');
    expect(fields.clause).not.toBe('《淘宝网“安心鉴”服务规范》');
    expect(fields.clause).toBeTruthy();
  });
});
