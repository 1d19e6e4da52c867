// Issue 11 end to end, in Chromium against browser mode: the committee's day without traps. A sheet with
// empty cells is refused before any confirmation is offered (the reason, the empty cells, a jump to the
// first); the scoring aids (grouped by region, only-unscored filter, the sticky header above the inputs);
// the printed per-member score sheet read back with pdftotext.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { ScoringPage } from './support/round-pages';
import { saveBothLanguages } from './support/bilingual';
import { DossierListPage } from './support/dossier-pages';
import { record, utf8Csv } from './support/csv-files';
import { syntheticCreditCode } from '../support/credit-codes';

describe('the committee day: check first, scoring aids, printouts', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
    // 赵立新 has scored the first three applicants (12 of 24 cells).
    const apps = await fixture.server.call('applications.list', { roundId: round.roundId });
    for (const a of apps.filter((x) => APPLICANTS.slice(0, 3).some((y) => y.legalName === x.legalName))) {
      for (const [c, criterion] of CRITERIA.entries()) await fixture.server.call('scores.set', { memberId: round.memberIds[0]!, applicationId: a.id, criterion, value: scoreOf(0, a.legalName, c), comment: '' });
    }
  });

  it('refuses to submit a sheet with empty cells before any confirmation, and jumps to the first empty cell', async () => {
    const { page } = await fixture.open();
    const scoring = await ScoringPage.open(page, round.roundId);
    await scoring.chooseMember(MEMBERS[0]!.name);
    await scoring.submitButton.click();
    const refused = page.getByRole('dialog', { name: '评分表未填完，不能提交' });
    await refused.waitFor();
    expect(await refused.getByRole('alert').innerText()).toBe('还有 12 项未评分（已评 12/24 项），评完后才能提交。');
    // No confirmation is offered at all: only 关闭 and the jump.
    expect(await refused.getByRole('button', { name: '确认提交' }).count()).toBe(0);
    expect(await refused.getByRole('listitem').count()).toBe(8 + 1);
    await saveBothLanguages(page, 'scoring-submit-refused');
    await refused.getByRole('button', { name: '跳到第一个未评分项' }).click();
    await refused.waitFor({ state: 'detached' });
    const focused = await scoring.focusedId();
    const label = await page.locator(`#${focused}`).getAttribute('aria-label');
    // The first empty cell: the fourth applicant's first criterion, in the grid's order.
    expect(label).toMatch(/^杭州临平宝石鉴定服务有限公司 · 公司实力/);
    expect((await fixture.server.call('scores.sheet', { memberId: round.memberIds[0]! })).submittedAt).toBeNull();
    await expect.poll(() => scoring.focusedId(), POLL).toBe(focused);
  });

  it('shows an import that renames an institution field by field and refuses it until the identity change is ticked', async () => {
    const code = syntheticCreditCode(9101);
    const original = utf8Csv([record({ legalName: '宁波甬江珠宝检测有限公司', creditCode: code, legalRepresentative: '周敏', province: '浙江省', city: '宁波市' })]);
    const first = await fixture.server.call('dossiers.importPreview', { fileName: '首次.csv', dataBase64: original.toString('base64') });
    await fixture.server.call('dossiers.importCommit', { previewId: first.previewId });

    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    // An old search that would hide the imported row afterwards.
    await list.search('深圳');
    const importPage = await list.openImport();
    // The renamed institution with a new legal representative; its city cell left empty (kept as stored).
    await importPage.choose('更名.csv', utf8Csv([record({ legalName: '宁波甬江珠宝鉴定中心有限公司', creditCode: code, legalRepresentative: '陆海', province: '浙江省', city: '' })]));
    expect(await importPage.summaryText()).toBe('共 1 行：新建 0，更新 1，无变化 0，有错误 0');
    const changes = page.getByTestId('import-changes');
    const rows = await changes.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['机构名称身份变更 宁波甬江珠宝检测有限公司 宁波甬江珠宝鉴定中心有限公司', '法定代表人身份变更 周敏 陆海']);
    await changes.getByText('有 1 家档案的企业名称或法定代表人将被更改。', { exact: false }).waitFor();
    // Refused without the tick: the import button stays disabled and nothing is written.
    expect(await importPage.confirmButton.isDisabled()).toBe(true);
    expect(await importPage.confirmButton.getAttribute('title')).toBe('请先勾选确认身份变更');
    await saveBothLanguages(page, 'import-identity-diff');
    expect((await fixture.server.call('dossiers.list', { search: code, status: 'all' })).items[0]!.legalName).toBe('宁波甬江珠宝检测有限公司');
    await changes.getByLabel('我已核对上述企业名称 / 法定代表人的变更，确认导入').check();
    const after = await importPage.confirm();
    // The list starts without the old search, so the imported row shows.
    expect(await after.searchBox.inputValue()).toBe('');
    await after.row('宁波甬江珠宝鉴定中心有限公司').waitFor();
    const stored = (await fixture.server.call('dossiers.list', { search: code, status: 'all' })).items[0]!;
    expect(stored).toMatchObject({ legalName: '宁波甬江珠宝鉴定中心有限公司', city: '宁波市' });
  });
});
