// Locale files: zh-CN and en hold the same keys, file by file, and no key is defined in two files (the
// renderer merges them, so a duplicate would silently shadow another text).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('resources/locales');
const files = (locale: string) => [path.join(root, `${locale}.json`), ...fs.readdirSync(path.join(root, locale)).map((f) => path.join(root, locale, f))];
const keys = (file: string) => Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);

describe('locale files', () => {
  it('en has exactly the keys of zh-CN, file by file', () => {
    for (const zhFile of files('zh-CN')) {
      const enFile = zhFile.replace(`${path.sep}zh-CN`, `${path.sep}en`);
      expect(keys(enFile).sort(), enFile).toEqual(keys(zhFile).sort());
    }
  });

  it('no key is defined in two files', () => {
    const seen = new Map<string, string>();
    for (const file of files('zh-CN')) {
      for (const key of keys(file)) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  it('every text is non-empty and its {placeholders} match between languages', () => {
    for (const zhFile of files('zh-CN')) {
      const zh = JSON.parse(fs.readFileSync(zhFile, 'utf8')) as Record<string, string>;
      const en = JSON.parse(fs.readFileSync(zhFile.replace(`${path.sep}zh-CN`, `${path.sep}en`), 'utf8')) as Record<string, string>;
      for (const [key, text] of Object.entries(zh)) {
        expect(text.trim(), key).not.toBe('');
        const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(params(en[key] ?? ''), key).toEqual(params(text));
      }
    }
  });
});
