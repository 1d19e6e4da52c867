// The backup page in browser mode: the list, 立即备份, 备份到… (a typed folder), and a restore that shows its
// preview and needs the confirm step; then the recovery screen of a damaged database, restored from the
// newest good backup. Screenshots: test-results/screenshots/backup-*.png.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { launchBrowser, POLL, REPO_ROOT, useAppFixture } from './support/app';
import { saveScreenshot } from './support/screenshots';
import { dossierInput, REAL_CREDIT_CODES } from '../support/dossiers';
import { openDatabase } from '../../electron/db/open';
import { setSetting, SETTING_USER } from '../../electron/services/context';
import { writeVerifiedBackup } from '../../electron/services/backup/backup-files';

describe('backup page', () => {
  const fixture = useAppFixture();

  it('lists backups, makes one, saves one to a folder, and restores one only after preview and confirmation', async () => {
    const { server } = fixture;
    await server.call('session.setUser', { name: '王评审' });
    await server.call('dossiers.create', dossierInput({ legalName: '备份前的机构' }));
    const { page } = await fixture.open();
    await page.evaluate(() => (location.hash = '#/backup'));
    await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
    await page.getByText('还没有备份。').waitFor();

    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/^已备份：review-desk-manual-/).waitFor();
    const rows = page.locator('[data-testid=backup-list] tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().getAttribute('data-kind')).toBe('manual');

    // 备份到…: browser mode types the folder.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-e2e-usb-'));
    await page.getByRole('button', { name: '备份到…' }).click();
    await page.getByTestId('save-to-path').fill(folder);
    await page.getByRole('dialog').getByRole('button', { name: '备份到…' }).click();
    await page.getByText(`已备份到 ${folder}`, { exact: false }).waitFor();
    expect(fs.readdirSync(folder).filter((f) => /^review-desk-manual-.*\.sqlite$/.test(f))).toHaveLength(1);

    await server.call('dossiers.create', dossierInput({ creditCode: REAL_CREDIT_CODES[1]!, legalName: '备份后的机构' }));
    expect(await server.dossierTotal()).toBe(2);

    await rows.first().getByRole('button', { name: '恢复…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('backup-preview-counts').getByText(/申请机构 1 家/).waitFor();
    await dialog.getByText('最后一条修改记录').waitFor();
    const restoreButton = dialog.getByRole('button', { name: '恢复此备份' });
    expect(await restoreButton.isDisabled()).toBe(true); // the confirm step comes first
    await saveScreenshot(page, 'backup-restore-preview');

    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await server.dossierTotal()).toBe(2); // cancelled: nothing changed

    await rows.first().getByRole('button', { name: '恢复…' }).click();
    await dialog.getByLabel('我已核对上面的内容，确认恢复').check();
    await restoreButton.click();
    await page.getByText(/^已恢复 review-desk-manual-.*恢复前的数据已备份为 review-desk-pre-restore-/).waitFor();
    expect(await server.dossierTotal()).toBe(1);
    await expect.poll(async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))).sort(), POLL).toEqual(['manual', 'pre-restore']);
    await saveScreenshot(page, 'backup-page');
  });
  it('exports the move archive as a download and previews it again from an upload', async () => {
    const { server } = fixture;
    await server.call('session.setUser', { name: '王评审' });
    const { page } = await fixture.open();
    await page.evaluate(() => (location.hash = '#/backup'));
    const archivePanel = page.getByTestId('backup-archive');
    const [download] = await Promise.all([page.waitForEvent('download'), archivePanel.getByRole('button', { name: '导出迁移归档' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^review-desk-\d{4}-\d{2}-\d{2}\.rdarchive$/);
    const archive = (await download.path())!;
    // A plain tar: the system tool lists the manifest and the database.
    expect(execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).split('\n')).toEqual(expect.arrayContaining(['review-desk.sqlite', 'manifest.json']));

    await page.getByTestId('restore-from-file').locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/x-tar', buffer: fs.readFileSync(archive) });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('附件文件').waitFor();
    await dialog.getByTestId('backup-preview-counts').getByText(/申请机构 \d+ 家/).waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
  });
});

describe('recovery screen', () => {
  it('shows the damaged database, offers the newest good backup, restores it after confirmation', async () => {
    // A data directory with a good backup and a damaged database, made before the server starts.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-e2e-recovery-'));
    const file = path.join(dataDir, 'review-desk.sqlite');
    const { db } = await openDatabase(file);
    setSetting(db, SETTING_USER, '王评审');
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'from-backup')").run();
    for (let i = 0; i < 200; i++) db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')").run(`filler-${i}`);
    await writeVerifiedBackup(db, path.join(dataDir, 'backups', 'review-desk-daily-2026-12-05T01-00-00-000Z.sqlite'));
    const rootpage = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
    fs.closeSync(fd);

    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/electron/browser.cjs'), '--data', dataDir, '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const browser = await launchBrowser();
    try {
      let output = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => void (output += c));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          output += c;
          const m = /^REVIEW_DESK_URL=(\S+)$/m.exec(output);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
      });
      expect(output).toContain('恢复模式');
      const app = await browser.openApp(url);
      const { page } = app;
      await page.getByRole('heading', { name: '数据库文件已损坏' }).waitFor();
      await page.getByTestId('recovery-newest').getByText('review-desk-daily-2026-12-05T01-00-00-000Z.sqlite').waitFor();
      await saveScreenshot(page, 'backup-recovery');
      await page.getByRole('button', { name: '恢复此备份' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('当前数据库已损坏', { exact: false }).waitFor();
      await dialog.getByLabel('我已核对上面的内容，确认恢复').check();
      await dialog.getByRole('button', { name: '恢复此备份' }).click();
      // Back to the normal app, as the user of the backup.
      await page.getByText('当前用户：王评审', { exact: false }).or(page.getByText('王评审')).first().waitFor();
      await page.getByTestId('recovery-screen').waitFor({ state: 'detached' });
      expect(app.errors).toEqual([]);
      await app.close();
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'from-backup' });
    restored.close();
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('damaged-'))).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
