// Attachments on a dossier in browser mode: a PDF licence is added through the file picker, listed with its
// size, downloaded back byte for byte (browser mode downloads what the desktop app opens in the system
// viewer), removed with undo, and a file that is not a PDF or image is refused with a zh-CN message.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppFixture } from './support/app';
import { dossierInput } from '../support/dossiers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('dossier attachments', () => {
  const fixture = useAppFixture();

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '王评审' });
  });

  it('adds a licence, downloads the same bytes, removes it with undo, refuses a text file', async () => {
    const dossier = await fixture.server.call('dossiers.create', dossierInput());
    const { page } = await fixture.open();
    await page.evaluate((id) => (location.hash = `#/dossiers/${id}`), dossier.id);
    await page.getByText('暂无附件').waitFor();

    await page.locator('.attach-add input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('营业执照.pdf').first().waitFor();
    await page.getByText(`${PDF.length} B`, { exact: false }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('营业执照.pdf');
    expect(fs.readFileSync((await download.path())!)).toEqual(PDF);

    await page.getByRole('button', { name: '移除' }).click();
    await page.getByText('暂无附件').waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await page.locator('.attachments li').first().waitFor();
    expect((await fixture.server.call('dossiers.get', { id: dossier.id })).attachments.map((a) => a.fileName)).toEqual(['营业执照.pdf']);

    await page.locator('.attach-add input[type=file]').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是附件') });
    await page.getByText('只支持 PDF、PNG、JPEG、WebP 或 GIF 格式的附件').waitFor();
    expect((await fixture.server.call('dossiers.get', { id: dossier.id })).attachments).toHaveLength(1);
    const history = await fixture.server.call('dossiers.history', { id: dossier.id });
    expect(history.map((c) => c.action)).toEqual(['attach', 'detach', 'attach', 'create']);
  });
});
