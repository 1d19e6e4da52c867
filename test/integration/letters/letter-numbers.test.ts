// Letters on real SQLite files: numbers per year and kind, never reused (not even after voiding), nothing
// issued with an empty field, the archived content hashed, and numbering under concurrent issue from two
// connections (the app and the command line on the same data directory).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { dossierInput } from '../../support/dossiers';
import { createDossier } from '../../../electron/services/dossiers/dossier-service';
import { contentHash, getTemplate, issueLetter, listLetters, saveTemplate, voidLetter, type IssueInput } from '../../../electron/services/letters/letter-service';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { letterPlainText } from '../../../shared/letters/template';

const FIELDS = {
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

async function setUp() {
  const ctx = await createTestContext();
  const dossier = createDossier(ctx, dossierInputSchema.parse(dossierInput()));
  const input = (over: Partial<IssueInput> = {}): IssueInput => ({ kind: 'terminationNotice', dossierId: dossier.id, fields: FIELDS, year: 2026, ...over });
  return { ctx, dossier, input };
}

describe('letter numbers', () => {
  it('counts per year and kind from 1 (GB/T 9704: 〔2026〕1号), and a voided letter keeps its number', async () => {
    const { ctx, input } = await setUp();
    expect(issueLetter(ctx, input()).number).toBe('评审终字〔2026〕1号');
    const second = issueLetter(ctx, input());
    expect(second.number).toBe('评审终字〔2026〕2号');
    voidLetter(ctx, second.id, '地址有误，重新出具');
    expect(issueLetter(ctx, input()).number).toBe('评审终字〔2026〕3号');
    expect(issueLetter(ctx, input({ year: 2027 })).number).toBe('评审终字〔2027〕1号');
    expect(issueLetter(ctx, input({ kind: 'rectificationNotice', fields: { ...FIELDS, deadline: '2026年12月31日' } })).number).toBe('评审整字〔2026〕1号');
  });

  it('switching the number format mid-year never reuses a number; the prefix is the chair\'s', async () => {
    const { ctx, input } = await setUp();
    const template = getTemplate(ctx, 'terminationNotice');
    expect(template.numberStyle).toBe('plain');
    expect(issueLetter(ctx, input()).number).toBe('评审终字〔2026〕1号');
    saveTemplate(ctx, { kind: 'terminationNotice', version: 0, name: template.name, text: template.text, prefix: '淘直评', numberStyle: 'padded' });
    expect(issueLetter(ctx, input()).number).toBe('淘直评〔2026〕第002号');
    // Saved again without a style: the style in force is kept.
    saveTemplate(ctx, { kind: 'terminationNotice', version: 1, name: template.name, text: template.text, prefix: '淘直评' });
    expect(issueLetter(ctx, input()).number).toBe('淘直评〔2026〕第003号');
    saveTemplate(ctx, { kind: 'terminationNotice', version: 2, name: template.name, text: template.text, prefix: '淘直评', numberStyle: 'plain' });
    expect(issueLetter(ctx, input()).number).toBe('淘直评〔2026〕4号');
    expect(listLetters(ctx, {}).map((l) => l.number).sort()).toEqual(['评审终字〔2026〕1号', '淘直评〔2026〕第002号', '淘直评〔2026〕第003号', '淘直评〔2026〕4号'].sort());
  });

  it('refuses an effective date before the letter date unless the chair gives a reason, which is archived', async () => {
    const { ctx, input } = await setUp();
    const early = { ...FIELDS, effectiveDate: '2026年11月1日', letterDate: '2026年11月23日' };
    expect(() => issueLetter(ctx, input({ fields: early }))).toThrow(/生效日期（2026年11月1日）早于发文日期（2026年11月23日）/);
    expect(() => issueLetter(ctx, input({ fields: early, backdateReason: '   ' }))).toThrow(/早于发文日期/);
    // Nothing was issued and no number spent.
    const letter = issueLetter(ctx, input({ fields: early, backdateReason: '考核期结束日即已决定清退，函件补发' }));
    expect(letter.number).toBe('评审终字〔2026〕1号');
    expect(letter.backdateReason).toBe('考核期结束日即已决定清退，函件补发');
    const logged = ctx.db.prepare("SELECT after FROM change_log WHERE entity = 'letter' AND action = 'create'").get() as { after: string };
    expect(JSON.parse(logged.after)).toMatchObject({ backdateReason: '考核期结束日即已决定清退，函件补发' });
    // The same day, or later, needs no reason; a reason given anyway is not stored.
    expect(issueLetter(ctx, input({ fields: { ...FIELDS, effectiveDate: '2026年11月23日' }, backdateReason: '无关' })).backdateReason).toBeNull();
  });

  it('refuses a letter with an empty field and uses up no number', async () => {
    const { ctx, input } = await setUp();
    expect(() => issueLetter(ctx, input({ fields: { ...FIELDS, readmissionDate: '' } }))).toThrow(/readmissionDate/);
    expect(() => issueLetter(ctx, input({ fields: { ...FIELDS, clause: '   ' } }))).toThrow(/clause/);
    expect(issueLetter(ctx, input()).number).toBe('评审终字〔2026〕1号');
  });

  it('archives the letter exactly as issued, with its sha256 and the provider\'s details in the text', async () => {
    const { ctx, dossier, input } = await setUp();
    const letter = issueLetter(ctx, input());
    expect(letter.sha256).toBe(contentHash(JSON.stringify(letter.content)));
    const text = letterPlainText(letter.content);
    for (const s of ['终止合作通知', FIELDS.addressee, FIELDS.creditCode, '2027年5月30日', '评审终字〔2026〕1号', FIELDS.agreement, FIELDS.deposit]) expect(text).toContain(s);
    // The number stands above the title, as GB/T 9704 places the 发文字号.
    expect(text.indexOf('评审终字〔2026〕1号')).toBeLessThan(text.indexOf('终止合作通知'));
    expect(letter.content.layout).toBe('gbt9704');
    expect(listLetters(ctx, { dossierId: dossier.id }).map((l) => l.number)).toEqual(['评审终字〔2026〕1号']);
  });

  it('never gives the same number twice when two connections issue at the same time', async () => {
    const { ctx, dossier } = await setUp();
    const other = await createTestContext({ dataDir: ctx.dataDir });
    const issued: string[] = [];
    const jobs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? ctx : other)).map(
      (c) =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            issued.push(issueLetter(c, { kind: 'terminationNotice', dossierId: dossier.id, fields: FIELDS, year: 2026 }).number);
            resolve();
          }),
        ),
    );
    await Promise.all(jobs);
    expect(new Set(issued).size).toBe(40);
    const seqs = issued.map((n) => Number(/〕第?(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(path.dirname(other.db.name)).toBe(ctx.dataDir);
  });
});

describe('letter numbers across threads', () => {
  it('two data workers (two threads, two connections) issuing at once never share a number', async () => {
    const { startDataWorker } = await import('../../../electron/backend/worker-host');
    const { ctx, dossier } = await setUp();
    ctx.db.close();
    const file = path.resolve('dist/electron/data-worker.cjs');
    const a = await startDataWorker(file, { dataDir: ctx.dataDir, transport: 'browser' });
    const b = await startDataWorker(file, { dataDir: ctx.dataDir, transport: 'browser' });
    try {
      const calls = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).invoke('letters.issue', { kind: 'terminationNotice', dossierId: dossier.id, fields: FIELDS, year: 2026 }));
      const results = await Promise.all(calls);
      const numbers = results.map((r) => (r.ok ? (r.value as { number: string }).number : `error: ${r.error.message}`));
      expect(numbers.filter((n) => n.startsWith('error'))).toEqual([]);
      expect(new Set(numbers).size).toBe(30);
      expect(numbers.map((n) => Number(/〕第?(\d+)号/.exec(n)![1])).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
