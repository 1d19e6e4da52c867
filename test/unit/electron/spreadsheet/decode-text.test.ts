// Encoding detection for CSV bytes: a BOM wins, valid UTF-8 is UTF-8, anything else is GBK/GB18030.
// GBK bytes are produced by iconv-lite, an encoder independent of the TextDecoder the code uses.
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../../electron/services/spreadsheet/decode-text';
import { gbk, utf16leWithBom, utf8, utf8WithBom } from '../../../support/import-files';

const TEXT = '机构名称,统一社会信用代码\r\n杭州安心珠宝检测技术有限公司,91330100716105852F\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM (it would otherwise glue onto the first header)', () => {
    const result = decodeText(utf8WithBom(TEXT));
    expect(result).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GBK, as Excel on Chinese Windows saves CSV', () => {
    const bytes = gbk(TEXT);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0xbb, 0xfa, 0xb9, 0xb9])); // 机构 in code page 936
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads GBK with less common characters (珏 翡 翠 鑫 淼) intact', () => {
    const rare = '珏翡翠鑫淼琮璟,￥1000\n'; // full-width ￥: half-width ¥ does not exist in GBK
    expect(decodeText(gbk(rare)).text).toBe(rare);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode 文本")', () => {
    expect(decodeText(utf16leWithBom(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a BOM', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('treats pure ASCII and empty input as UTF-8', () => {
    expect(detectEncoding(utf8('name,code\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
