// What the crash harness's parent and child share: the plan (ids of the seeded round), the acknowledgement
// lines the child prints, a seeded random source (a failing run is repeated with its --seed) and the letter
// fields (the ones the letter-number tests use, from seed 003's termination example).

export interface CrashPlan {
  roundId: string;
  members: { id: string; name: string }[];
  applications: { id: string; creditCode: string }[];
  criteria: string[];
  dossierIds: number[];
}

export type Ack =
  | { t: 'ready' }
  | { t: 'dossier'; id: number; code: string }
  | { t: 'score'; comment: string }
  | { t: 'letter'; id: string; number: string; year: number; kind: string }
  | { t: 'importBegin'; kind: 'dossiers' | 'scores'; token: string; keys: string[] }
  | { t: 'importAck'; token: string }
  | { t: 'error'; call: string; code: string; message: string };

/** mulberry32: small, fast, good enough to spread kill points and choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LETTER_FIELDS = {
  addressee: '杭州安心珠宝检测技术有限公司',
  creditCode: '91330100716105852F',
  region: '杭州珠宝直播产业带',
  program: '淘宝直播区域产业服务商',
  platform: '淘宝直播',
  reason: '连续两个考核期未达到考核要求',
  clause: '《淘宝直播区域产业服务商管理规则》第一条（二）2（2）',
  agreement: '双方签署的相关合作协议',
  consequence: '贵司的淘宝直播区域产业服务商认证角色一并取消',
  deposit: '贵司已缴纳的保证金按协议约定处理',
  effectiveDate: '2026年12月1日',
  readmissionDate: '自2027年5月30日起方可再次申请准入',
  letterDate: '2026年11月23日',
  issuerName: '淘宝直播区域产业服务商评审小组',
  issuerDepartment: '淘宝直播产业带运营部',
  issuerContact: '王评审 0571-88886666',
};
