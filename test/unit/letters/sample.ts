// A termination case used across the letter tests: a provider of the seed 003 program terminated for
// failing its operating assessment on 2026-11-23, with the re-admission date the letter prints, 2027-05-22,
// given as a fixed fact: these tests are about wording; how the date is counted (180 days from the day
// after the effective date) is tested in test/unit/lifecycle/bans.test.ts.
// The agreement, consequence and deposit texts are that program's default letter settings.
import pack from '../../../resources/letters/zh-CN.json';
import presetsFile from '../../../resources/letters/program-rules.zh-CN.json';
import { buildLetterFields, formatLetterNumber, parseLetterPack, parseLetterRulePresets, suggestedTermination, type LetterFacts } from '../../../shared/letters';

export const builtin = parseLetterPack(pack);
export const presets = parseLetterRulePresets(presetsFile);
const seed003 = presets.settings.taobaoLiveRegional;

export const ADDRESSEE = '杭州明鉴珠宝检测技术有限公司';
export const CREDIT_CODE = '91330106MA2H7K3L50';

export const terminationFacts: LetterFacts = {
  addressee: ADDRESSEE,
  creditCode: CREDIT_CODE,
  region: '杭州珠宝直播产业带',
  program: '淘宝直播区域产业服务商',
  platform: '淘宝直播',
  ...suggestedTermination('failedAssessment', builtin.phrases),
  agreement: seed003.agreement,
  consequence: seed003.consequence,
  deposit: seed003.deposit,
  effectiveDate: '2026-11-23',
  readmission: { kind: 'date', until: '2027-05-22' },
  letterNumber: formatLetterNumber('评审终字', 2026, 1),
  letterDate: '2026-11-23',
  issuerName: '淘宝直播平台',
  issuerDepartment: '区域产业服务商评审小组',
  issuerContact: '王敏，电话0571-8888 6666，邮箱zhubaojidi@service.alibaba.com',
};

export const terminationFields = buildLetterFields(terminationFacts, builtin.phrases);
