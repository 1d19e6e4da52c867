// A small evaluation round set up through the HTTP API (not the UI, which other tests cover): a program,
// a round with the default options (four criteria 30/30/20/20, scale 0–100, mean, price scored by hand),
// two regions with quotas, six applicants and a committee of three. The scores each member will type are
// chosen so the expected ranking is known exactly, including a tie broken by the lower price.
import { SEED_003_RULES } from '../../../shared/eligibility/rules';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import type { RunningServer } from './app';

export interface Applicant {
  legalName: string;
  city: '杭州市' | '深圳市';
  quote: number;
  /** Base scores for strength, technical, reputation, price; each member adds their own offset. */
  base: [number, number, number, number];
}

export const APPLICANTS: Applicant[] = [
  // 杭州: 86.40, 81.10 (one member far off on technical), 80.00 and 80.00 (tie → the lower quote first).
  { legalName: '杭州安心珠宝检测技术有限公司', city: '杭州市', quote: 38_000, base: [90, 88, 85, 80] },
  { legalName: '杭州西湖玉石鉴定中心有限公司', city: '杭州市', quote: 42_000, base: [85, 90, 80, 75] },
  { legalName: '杭州钱塘贵金属检测有限公司', city: '杭州市', quote: 36_000, base: [80, 80, 80, 80] },
  { legalName: '杭州临平宝石鉴定服务有限公司', city: '杭州市', quote: 40_000, base: [80, 80, 80, 80] },
  // 深圳: 84.20 and 83.80.
  { legalName: '深圳水贝黄金珠宝检测有限公司', city: '深圳市', quote: 45_000, base: [88, 86, 90, 70] },
  { legalName: '深圳罗湖翡翠鉴定所有限公司', city: '深圳市', quote: 39_000, base: [82, 84, 80, 90] },
];

export const MEMBERS = [
  { name: '赵立新', role: 'chair' as const, offset: 0 },
  { name: '钱雅琴', role: 'member' as const, offset: 2 },
  { name: '孙志远', role: 'member' as const, offset: -2 },
];

export const CRITERIA = ['strength', 'technical', 'reputation', 'price'] as const;

/** What member m types for an applicant: base + offset, except 孙志远's outlier on 西湖's technical level. */
export function scoreOf(memberIndex: number, legalName: string, criterionIndex: number): number {
  const applicant = APPLICANTS.find((a) => a.legalName === legalName)!;
  if (memberIndex === 2 && legalName === '杭州西湖玉石鉴定中心有限公司' && criterionIndex === 1) return 64; // 27 below the others' median (91)
  return applicant.base[criterionIndex]! + MEMBERS[memberIndex]!.offset;
}

export const ROUND_NAME = '2026年安心鉴第四季度评审';
export const HANGZHOU = '杭州珠宝产业带';
export const SHENZHEN = '深圳水贝产业带';

export interface SetUpRound {
  roundId: string;
  regionIds: { hangzhou: string; shenzhen: string };
  memberIds: string[];
}

export async function setUpRound(server: RunningServer): Promise<SetUpRound> {
  const program = await server.call('programs.create', { platform: '淘宝直播', name: '安心鉴鉴定机构', rules: [...SEED_003_RULES] });
  const round = await server.call('rounds.create', { programId: program.id, name: ROUND_NAME, referenceDate: '2026-11-23', options: {} });
  const hangzhou = await server.call('regions.add', { roundId: round.id, data: { name: HANGZHOU, city: '杭州市', quota: 2, waitlistLength: 1 } });
  const shenzhen = await server.call('regions.add', { roundId: round.id, data: { name: SHENZHEN, city: '深圳市', quota: 1, waitlistLength: 1 } });
  for (const [i, a] of APPLICANTS.entries()) {
    const province = a.city === '杭州市' ? '浙江省' : '广东省';
    const dossier = await server.call('dossiers.create', dossierInput({ legalName: a.legalName, creditCode: syntheticCreditCode(7000 + i), province, city: a.city, priceQuoteYuan: a.quote }));
    await server.call('applications.add', { roundId: round.id, data: { dossierId: dossier.id, priceQuoteYuan: a.quote, strengthStatement: '', regionIds: [a.city === '杭州市' ? hangzhou.id : shenzhen.id] } });
  }
  const memberIds: string[] = [];
  for (const m of MEMBERS) memberIds.push((await server.call('members.add', { roundId: round.id, data: { name: m.name, role: m.role } })).id);
  return { roundId: round.id, regionIds: { hangzhou: hangzhou.id, shenzhen: shenzhen.id }, memberIds };
}

/** Every member scores every applicant as `scoreOf` says and submits the sheet: the ranking is then complete. */
export async function scoreAndSubmitAll(server: RunningServer, round: SetUpRound): Promise<void> {
  const apps = await server.call('applications.list', { roundId: round.roundId });
  for (const [m, memberId] of round.memberIds.entries()) {
    for (const a of apps) for (const [c, criterion] of CRITERIA.entries()) await server.call('scores.set', { memberId, applicationId: a.id, criterion, value: scoreOf(m, a.legalName, c), comment: '' });
    await server.call('scores.submit', { memberId });
  }
}
