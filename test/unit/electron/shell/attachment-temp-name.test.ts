// The temp copy handed to the system viewer is named by the type the bytes were checked to be.
import { describe, expect, it } from 'vitest';
import { attachmentTempName } from '../../../../electron/shell/attachment-temp-name';
import { EXTENSION_BY_MIME, extensionForMime, sniffMime } from '../../../../electron/services/attachments/file-types';

const PDF = Buffer.from('%PDF-1.7\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const GIF = Buffer.from('GIF89a');
const WEBP = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1');

describe('attachmentTempName', () => {
  it.each([
    ['营业执照.pdf', 'application/pdf', '营业执照.pdf'],
    ['x.pdf.hta', 'application/pdf', 'x_pdf_hta.pdf'], // passes the %PDF- check, must not run as HTA
    ['x.pdf.exe', 'application/pdf', 'x_pdf_exe.pdf'],
    ['report.PDF', 'application/pdf', 'report.pdf'],
    ['scan.JPEG', 'image/jpeg', 'scan.jpg'],
    ['scan.jpg', 'image/jpeg', 'scan.jpg'],
    ['logo.png.lnk', 'image/png', 'logo_png_lnk.png'],
    ['no-extension', 'image/gif', 'no-extension.gif'],
    ['..\\..\\Startup\\evil.bat', 'application/pdf', 'evil_bat.pdf'],
    ['../../.bashrc', 'image/webp', 'bashrc.webp'],
    ['invoice\u202Efdp.exe', 'application/pdf', 'invoicefdp_exe.pdf'],
    ['CON.pdf', 'application/pdf', '_CON.pdf'],
    ['...', 'application/pdf', '附件.pdf'],
    ['.pdf', 'application/pdf', '附件.pdf'],
  ])('%j as %s → %j', (fileName, mime, expected) => {
    expect(attachmentTempName(fileName, mime)).toBe(expected);
  });

  it('refuses a type it has no extension for, rather than guessing', () => {
    expect(attachmentTempName('x.hta', 'application/hta')).toBeNull();
    expect(attachmentTempName('x.html', 'text/html')).toBeNull();
    expect(attachmentTempName('x.pdf', 'toString')).toBeNull(); // no prototype lookups
  });

  it('has exactly one extension per type the magic-byte check can return', () => {
    const sniffed = [PDF, PNG, JPEG, GIF, WEBP].map((b) => sniffMime(b));
    expect(sniffed).toEqual(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
    expect(Object.keys(EXTENSION_BY_MIME).sort()).toEqual([...sniffed].sort());
    for (const mime of sniffed) {
      const name = attachmentTempName('x.pdf.hta', mime!)!;
      expect(name.endsWith(extensionForMime(mime!)!)).toBe(true);
      expect(name.split('.')).toHaveLength(2); // one dot: the checked extension is the only one
    }
  });
});
