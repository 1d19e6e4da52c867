// 资格审查 in Chromium: a 《淘宝直播区域产业服务商准入标准》 round for a 金华 region. A 个体工商户 (credit code 92…)
// is refused with the digits that say why; an enterprise in 义乌 passes the same-city gate; a young company's
// 主体优势说明 awaits the committee until accepted here, with a reason, and the verdict then names who accepted
// it. The set-up tab offers the platform rules' presets by name and the gates' settings.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { saveScreenshot } from './support/screenshots';
import { dossierInput } from '../support/dossiers';
import { JINGXUAN_ALLIANCE_RULES, TAOBAO_LIVE_REGIONAL_RULES } from '../../shared/eligibility/rules';

const YIWU_COMPANY = '义乌市鉴真珠宝检测有限公司';
const YOUNG_COMPANY = '义乌市新锐检测技术有限公司';
const INDIVIDUAL = '义乌市小美饰品店';

describe('screening: the platform rule’s gates, in words', () => {
  const fixture = useAppFixture();
  let roundId = '';

  beforeAll(async () => {
    const server = fixture.server;
    await server.call('session.setUser', { name: '赵立新' });
    const program = await server.call('programs.create', { platform: '淘宝直播', name: '金华区域产业服务商', rules: [...TAOBAO_LIVE_REGIONAL_RULES] });
    const round = await server.call('rounds.create', { programId: program.id, name: '2026年金华服务商评审', referenceDate: '2026-11-23', options: {} });
    roundId = round.id;
    const jinhua = await server.call('regions.add', { roundId, data: { name: '金华小商品产业带', city: '金华', quota: 2, waitlistLength: 1 } });
    const applicants = [
      { legalName: YIWU_COMPANY, creditCode: '91330782MA2EC4RN4F', establishedOn: '2018-06-01', statement: '' },
      { legalName: YOUNG_COMPANY, creditCode: '91330782MA29XY0P1U', establishedOn: '2026-05-01', statement: '核心团队来自国家级珠宝玉石质检机构，已取得 CMA 资质。' },
      { legalName: INDIVIDUAL, creditCode: '92330782MA28F3KL1F', establishedOn: '2018-06-01', statement: '' },
    ];
    for (const a of applicants) {
      const dossier = await server.call('dossiers.create', dossierInput({ legalName: a.legalName, creditCode: a.creditCode, province: '浙江省', city: '义乌市', establishedOn: a.establishedOn }));
      await server.call('applications.add', { roundId, data: { dossierId: dossier.id, priceQuoteYuan: 30_000, strengthStatement: a.statement, regionIds: [jinhua.id] } });
    }
  });

  it('says why each gate fails, and lets the committee accept a statement of strengths with a reason', async () => {
    const { page } = await fixture.open();
    await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${roundId}/screening`);
    await page.getByRole('tab', { name: '资格审查', selected: true }).waitFor();
    const row = (name: string) => page.locator('table.screening-table tbody tr', { hasText: name });

    await expect.poll(() => row(INDIVIDUAL).textContent(), POLL).toContain('个体工商户（统一社会信用代码第 1–2 位为 92），须为企业');
    await expect.poll(() => row(YIWU_COMPANY).textContent(), POLL).toContain('合格');
    await row(YIWU_COMPANY).getByRole('button', { name: /查看全部/ }).click();
    await expect.poll(() => row(YIWU_COMPANY).textContent(), POLL).toContain('经营主体在浙江省金华市义乌市，属服务城市浙江省金华市');
    await expect.poll(() => row(YOUNG_COMPANY).textContent(), POLL).toContain('已提交主体优势说明，待评审小组认可');
    await saveScreenshot(page, 'screening-gates-awaiting');

    await row(YOUNG_COMPANY).getByRole('button', { name: '认可主体优势说明' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('核心团队来自国家级珠宝玉石质检机构').waitFor();
    await dialog.getByRole('button', { name: '认可主体优势说明' }).click();
    await dialog.getByText('必填').first().waitFor(); // a reason is required
    await dialog.getByLabel('理由（必填）').fill('团队资质经评审小组核实');
    await dialog.getByRole('button', { name: '认可主体优势说明' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row(YOUNG_COMPANY).textContent(), POLL).toContain('合格');
    await row(YOUNG_COMPANY).getByRole('button', { name: /查看全部/ }).click();
    await expect.poll(() => row(YOUNG_COMPANY).textContent(), POLL).toMatch(/主体优势说明已由赵立新于 .+ 认可（团队资质经评审小组核实）/);
    await saveScreenshot(page, 'screening-gates-accepted');
  });

  it('offers the platform rules by name on the set-up tab, with the entity kinds and the city comparison', async () => {
    const { page } = await fixture.open();
    await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${roundId}/setup`);
    await page.getByRole('tab', { name: '批次设置', selected: true }).waitFor();
    for (const name of ['《淘宝直播区域产业服务商准入标准》', '《精选联盟资质认证》', '《淘宝网“安心鉴”服务规范》鉴定机构']) await page.getByRole('button', { name }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: '企业', exact: true }).isChecked(), POLL).toBe(true);
    expect(await page.getByRole('checkbox', { name: '个体工商户', exact: true }).isChecked()).toBe(false);
    expect(await page.getByRole('combobox', { name: '比较方式' }).inputValue()).toBe('within');
    await page.getByRole('button', { name: '《精选联盟资质认证》' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: '个体工商户', exact: true }).isChecked(), POLL).toBe(true);
    await saveScreenshot(page, 'setup-rules-jingxuan');
    expect(await page.content()).not.toMatch(/seed\s*00/i);
    await page.getByRole('button', { name: '保存设置' }).click();
    const saved = async () => (await fixture.server.call('programs.list', {})).find((p) => p.name === '金华区域产业服务商')!.rules;
    await expect.poll(saved, POLL).toEqual(JINGXUAN_ALLIANCE_RULES);
  });
});
