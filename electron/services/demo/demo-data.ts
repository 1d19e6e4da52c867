// The raw material of the demo round (示例批次): the 安心鉴 industrial belts, name parts, people, the
// committee. Everything here is fictitious; the generator (demo-generator.ts) combines it with a seeded
// PRNG so the demo is identical on every machine. Place names and administrative division codes are real
// (the credit codes must look like ones a committee member sees every day); company names are made up.

export type RegionKey = 'hangzhou' | 'shenzhen' | 'zhuji' | 'suzhou' | 'guangzhou' | 'beijing' | 'chengdu' | 'ruili';

export interface DemoRegion {
  key: RegionKey;
  name: string;
  city: string;
  province: string;
  quota: number;
  waitlistLength: number;
  /** Applicants whose home is this region (including the planned screening failures below). */
  applicants: number;
  /** Real district / county-level division codes (GB/T 2260), positions 3–8 of a credit code. */
  divisions: readonly string[];
  /** How local companies write their name: 杭州… / 深圳市… */
  namePrefix: string;
  businesses: readonly string[];
  /** What the region's institutions inspect, for the introduction. */
  specialty: string;
  /** Other regions an applicant from here plausibly also asks for (期待合作的地区). */
  alsoWants: readonly RegionKey[];
}

/** Quotas follow seed 000 (the platform sizes each belt by its business); 20 seats in all. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { key: 'hangzhou', name: '杭州珠宝直播产业带', city: '杭州市', province: '浙江省', quota: 3, waitlistLength: 2, applicants: 9, divisions: ['330102', '330105', '330106', '330108', '330110'], namePrefix: '杭州', businesses: ['珠宝检测技术', '珠宝玉石鉴定', '贵金属检测'], specialty: '珠宝玉石与贵金属饰品', alsoWants: ['zhuji', 'suzhou'] },
  { key: 'shenzhen', name: '深圳水贝珠宝产业带', city: '深圳市', province: '广东省', quota: 4, waitlistLength: 2, applicants: 10, divisions: ['440303', '440304', '440305', '440306'], namePrefix: '深圳市', businesses: ['珠宝检测', '黄金珠宝检测', '钻石鉴定'], specialty: '黄金、钻石与镶嵌首饰', alsoWants: ['guangzhou'] },
  { key: 'zhuji', name: '诸暨山下湖珍珠产业带', city: '诸暨市', province: '浙江省', quota: 2, waitlistLength: 1, applicants: 6, divisions: ['330681'], namePrefix: '诸暨市', businesses: ['珍珠检测', '珍珠质量检验', '珠宝检测'], specialty: '淡水珍珠与海水珍珠', alsoWants: ['hangzhou'] },
  { key: 'suzhou', name: '苏州玉雕产业带', city: '苏州市', province: '江苏省', quota: 2, waitlistLength: 1, applicants: 7, divisions: ['320505', '320506', '320507', '320508'], namePrefix: '苏州', businesses: ['玉器鉴定', '玉石检测', '珠宝玉石检测'], specialty: '和田玉与苏工玉雕', alsoWants: ['hangzhou'] },
  { key: 'guangzhou', name: '广州番禺珠宝产业带', city: '广州市', province: '广东省', quota: 3, waitlistLength: 2, applicants: 8, divisions: ['440103', '440104', '440106', '440113'], namePrefix: '广州', businesses: ['宝石检测', '珠宝检测技术', '彩宝鉴定'], specialty: '彩色宝石与钻石', alsoWants: ['shenzhen'] },
  { key: 'beijing', name: '北京潘家园古玩产业带', city: '北京市', province: '北京市', quota: 2, waitlistLength: 1, applicants: 7, divisions: ['110101', '110102', '110105', '110108'], namePrefix: '北京', businesses: ['文物艺术品鉴定', '古玩鉴定评估', '艺术品鉴定'], specialty: '古玩、文玩与艺术品', alsoWants: ['chengdu'] },
  { key: 'chengdu', name: '成都文玩产业带', city: '成都市', province: '四川省', quota: 1, waitlistLength: 1, applicants: 5, divisions: ['510104', '510105', '510107', '510108'], namePrefix: '成都', businesses: ['文玩鉴定', '古董鉴定评估', '艺术品检测'], specialty: '文玩与古董杂项', alsoWants: ['beijing'] },
  { key: 'ruili', name: '瑞丽翡翠产业带', city: '瑞丽市', province: '云南省', quota: 3, waitlistLength: 2, applicants: 8, divisions: ['533102'], namePrefix: '瑞丽市', businesses: ['翡翠鉴定', '翡翠检测', '宝玉石检测'], specialty: '翡翠原石与成品', alsoWants: ['shenzhen', 'guangzhou'] },
];

/** One applicant from a city with no region of its own, asking for two regions elsewhere. */
export const OUTSIDER = { city: '上海市', province: '上海市', divisions: ['310101', '310104', '310115'], namePrefix: '上海', business: '珠宝检测', wants: ['suzhou', 'hangzhou'] as RegionKey[] };

/**
 * Dossiers that are not in order by another platform rule's gates (小规模纳税人, low capital or deposit, a
 * missing capability, not verified, young, from a city with no region of its own), given to the last
 * applicants of each region. 安心鉴 (seed 000) sets no hard gate, so they are screened eligible and stand or
 * fall on their scores; they keep the dossiers varied, as real applicants' are. The one hard gate 安心鉴 keeps
 * is re-admission: `terminated` is an institution the platform 清退 under 《淘宝网"安心鉴"服务规范》 (seed 000
 * 三、1). Seed 000 names no waiting period of its own, so the ban carries the date the chair entered as those
 * service rules decide (reason 'agencyRules') — not seed 003's 180 days — and it applies again before it.
 */

/** How long before the demo's reference date the `terminated` institution's 清退 took effect. */
export const DEMO_TERMINATED_DAYS_AGO = 60;
/** The re-admission date the chair entered, counted from the 清退 (the service rules', not a seed rule's). */
export const DEMO_CHAIR_SET_WAIT_DAYS = 180;
export type DemoFault = 'smallTaxpayer' | 'lowCapital' | 'missingCapability' | 'lowDeposit' | 'notVerified' | 'youngWithStatement' | 'youngNoStatement' | 'outsider' | 'terminated';

export const DEMO_FAULTS: readonly { region: RegionKey; fault: DemoFault }[] = [
  { region: 'hangzhou', fault: 'smallTaxpayer' },
  { region: 'hangzhou', fault: 'youngWithStatement' },
  { region: 'shenzhen', fault: 'lowCapital' },
  { region: 'shenzhen', fault: 'missingCapability' },
  { region: 'shenzhen', fault: 'youngWithStatement' },
  { region: 'zhuji', fault: 'lowDeposit' },
  { region: 'suzhou', fault: 'smallTaxpayer' },
  { region: 'suzhou', fault: 'outsider' },
  { region: 'guangzhou', fault: 'missingCapability' },
  { region: 'guangzhou', fault: 'youngNoStatement' },
  { region: 'guangzhou', fault: 'terminated' },
  { region: 'beijing', fault: 'smallTaxpayer' },
  { region: 'chengdu', fault: 'lowCapital' },
  { region: 'ruili', fault: 'notVerified' },
];

/** Brand words with a pinyin for the (fictitious, example.com) e-mail domain. At least one per applicant. */
export const BRANDS: readonly [string, string][] = (
  '宝鉴 baojian|金石 jinshi|玉衡 yuheng|珍源 zhenyuan|明珠 mingzhu|琢玉 zhuoyu|恒信 hengxin|精诚 jingcheng|博雅 boya|华鉴 huajian|' +
  '鼎信 dingxin|瑞鉴 ruijian|德润 derun|正源 zhengyuan|汇鉴 huijian|天工 tiangong|和鉴 hejian|嘉诚 jiacheng|晶准 jingzhun|致信 zhixin|' +
  '通宝 tongbao|宏鉴 hongjian|璞玉 puyu|翠苑 cuiyuan|臻品 zhenpin|诚品 chengpin|金盾 jindun|玉立 yuli|睿鉴 ruijianlab|中诚 zhongcheng|' +
  '信达 xinda|鉴真 jianzhen|明鉴 mingjian|永信 yongxin|华彩 huacai|金源 jinyuan|宝华 baohua|蓝海 lanhai|昆仑 kunlun|澄明 chengming|' +
  '崇信 chongxin|泰和 taihe|兆丰 zhaofeng|聚宝 jubao|晟鉴 shengjian|润德 runde|恒通 hengtong|玺鉴 xijian|珑玥 longyue|瑾瑜 jinyu|' +
  '璟华 jinghua|隆盛 longsheng|雅集 yaji|古韵 guyun|墨缘 moyuan|藏珍 cangzhen|琳琅 linlang|金鼎 jinding|玉宸 yuchen|鸿鉴 hongjianlab|' +
  '衡准 hengzhun|安鉴 anjian|至诚 zhicheng|卓鉴 zhuojian|翰林 hanlin'
)
  .split('|')
  .map((pair) => pair.split(' ') as [string, string]);

export const COMPANY_SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '服务有限公司'] as const;

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余叶程魏苏吕丁沈姚卢'.split('');
export const GIVEN_NAMES = (
  '建国 志强 海燕 秀英 晓明 丽华 文博 俊杰 雅琴 国平 春梅 振华 静怡 立新 玉兰 宏伟 慧敏 美玲 明辉 淑芬 ' +
  '永康 佳怡 家豪 思远 晨曦 鹏飞 婉婷 德明 伟 磊 敏 静 军 洋 勇 艳 杰 娟 涛 超 芳 霞 平 刚 桂英'
).split(' ');

/** Mobile prefixes of the three operators; the numbers are random and not anyone's on purpose. */
export const MOBILE_PREFIXES = ['135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '186', '187', '188', '133', '153', '180', '189'];

export const EQUIPMENT = ['傅里叶变换红外光谱仪', '激光拉曼光谱仪', 'X射线荧光光谱仪', '紫外-可见分光光度计', '宝石显微镜', 'DiamondView 钻石观测仪', '折射仪与偏光镜', '热导仪'];
export const CERTIFICATIONS = ['FGA', 'GIC', 'CGC', 'DGA', 'GIA GG'];

/** The committee: a chair (组长) and six members, mixing platform staff and outside experts. */
export const DEMO_MEMBERS: readonly { name: string; role: 'chair' | 'member' }[] = [
  { name: '陈志远', role: 'chair' },
  { name: '林静', role: 'member' },
  { name: '王海涛', role: 'member' },
  { name: '张敏', role: 'member' },
  { name: '刘建国', role: 'member' },
  { name: '黄晓燕', role: 'member' },
  { name: '吴磊', role: 'member' },
];

/** Conflicts of interest (回避): member index, the region and which of its eligible applicants (0 = first). */
export const DEMO_RECUSALS: readonly { member: number; region: RegionKey; applicant: number; reason: string }[] = [
  { member: 1, region: 'shenzhen', applicant: 0, reason: '曾于两年前为该机构提供技术咨询服务' },
  { member: 4, region: 'beijing', applicant: 1, reason: '与该机构法定代表人系亲属关系' },
];

/**
 * A member's habit: some score generously, some strictly (points added to every score). Real panels show
 * this, and the trimmed mean (去掉一个最高分和一个最低分) is there to absorb it.
 */
export const MEMBER_BIAS = [0, 1.5, -2.5, 1, -1, 2.5, -1.5];

export const DEMO_NOTE = '示例数据：机构名称、统一社会信用代码、人员与联系方式均为虚构，仅供体验评审流程。';
