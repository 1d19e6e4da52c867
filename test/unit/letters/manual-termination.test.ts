// A termination recorded by hand (清退 on the cooperation page): its letter states the facts the chair
// recorded — the reason category in the program's own wording plus the note written when recording it, the
// effective date and re-admission as recorded — and cites the rules of the cooperation's program.
import { describe, expect, it } from 'vitest';
import { checkIssuable } from '../../../shared/letters';
import type { Cooperation } from '../../../shared/cooperations/views';
import { cooperationLetterFields } from '../../../renderer/features/cooperations/letter-fields';
import { recordedReason } from '../../../renderer/features/letters/recorded-reason';
import { builtin, presets } from './sample';

const cooperation: Cooperation = {
  id: 'c1', programId: 'p1', programName: '淘宝直播「安心鉴」鉴定机构', dossierId: 3, legalName: '杭州明鉴珠宝检测技术有限公司', creditCode: '91330106MA2H7K3L50',
  regionName: '杭州珠宝直播产业带', status: 'terminated', startedOn: '2026-01-01', endedOn: '2026-11-23', endReason: 'requirementsNotMet',
  roundId: null, applicationId: null, regionId: null, version: 3,
  events: [
    { id: 'e1', event: 'admit', effectiveOn: '2026-01-01', fromStatus: null, toStatus: 'formal', reason: '评审入选', detail: {}, recordedAt: '', recordedBy: '赵立新' },
    { id: 'e2', event: 'terminate', effectiveOn: '2026-11-23', fromStatus: 'formal', toStatus: 'terminated', reason: '鉴定资质证书已于2026年10月31日过期，未按期换证。', detail: { banReason: 'requirementsNotMet', readmission: { kind: 'whenRequirementsMet' } }, recordedAt: '', recordedBy: '赵立新' },
  ],
};
const program = { id: 'p1', platform: '淘宝直播', name: '淘宝直播「安心鉴」鉴定机构', rules: [], version: 1 };

describe('a termination recorded by hand', () => {
  it('states the recorded category and note, and cites the program\'s rules (安心鉴)', () => {
    const fields = cooperationLetterFields('terminationNotice', cooperation, program, '2026-11-24', presets.settings.anxinjian);
    expect(fields).toMatchObject({
      reason: '贵司不再符合平台对鉴定机构的准入要求（鉴定资质证书已于2026年10月31日过期，未按期换证）',
      clause: '《淘宝网“安心鉴”服务规范》',
      agreement: '贵司与平台签署的相关合作协议',
      consequence: '同时，平台将通知安心鉴服务商，由安心鉴服务商与贵司自行沟通解除双方协议',
      deposit: '贵司已缴纳的保证金按协议约定处理',
      effectiveDate: '2026年11月23日',
      readmissionDate: '重新满足平台准入要求后方可再次提交准入申请',
    });
    const check = checkIssuable(builtin.templates.terminationNotice, { ...fields, letterNumber: '评审终字〔2026〕5号', issuerName: '淘宝直播平台', issuerDepartment: '评审小组', issuerContact: '王敏' });
    if (!check.ok) throw new Error(JSON.stringify(check));
    expect(check.text).not.toContain('淘宝直播区域产业服务商管理规则');
  });

  it('words the note once: nothing added when it only repeats the category', () => {
    expect(recordedReason('贵司不再符合平台准入要求', ' ')).toBe('贵司不再符合平台准入要求');
    expect(recordedReason('贵司不再符合平台准入要求', '不再符合平台准入要求。')).toBe('贵司不再符合平台准入要求');
    expect(recordedReason('贵司不再符合平台准入要求', '注册资本减至30万元；')).toBe('贵司不再符合平台准入要求（注册资本减至30万元）');
  });

  it('a rectification notice takes the reason recorded with 整改 and the program\'s clause', () => {
    const inRectification: Cooperation = { ...cooperation, status: 'rectification', endedOn: null, endReason: null, events: [...cooperation.events.slice(0, 1), { id: 'e3', event: 'rectify', effectiveOn: '2026-11-01', fromStatus: 'formal', toStatus: 'rectification', reason: '2026年10月近30天发揽率为88%，低于90%的要求', detail: {}, recordedAt: '', recordedBy: '赵立新' }] };
    expect(cooperationLetterFields('rectificationNotice', inRectification, program, '2026-11-24', presets.settings.taoteBrand)).toMatchObject({ reason: '2026年10月近30天发揽率为88%，低于90%的要求', clause: presets.settings.taoteBrand.rectificationClause });
  });
});
