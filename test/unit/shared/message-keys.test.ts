// Schemas and services speak in locale keys; a key missing from a locale file would reach the user as the
// fallback "内容无效" (backend) or as a raw key (UI). This finds every key the backend and shared code use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundRankingOptionsSchema } from '../../../shared/ranking/schema';
import zhCN from '../../../resources/locales/zh-CN.json';
import { creditCodeSchema, dossierInputSchema, residentIdSchema } from '../../../shared/dossiers/schema';
import { dossierInput } from '../../support/dossiers';

const root = path.resolve(__dirname, '../../..');
const enFile = path.join(root, 'resources/locales/en.json');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(root, dir, f));
}

/** Quoted 'error.…' literals; a key built in a template (`error.decimals${n}`) is returned as a prefix. */
function keysInSources(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of [...sourceFiles('shared'), ...sourceFiles('electron')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"`](error\.[A-Za-z0-9_.]*)(\$\{|['"`])/g)) (m[2] === '${' ? prefixes : literal).add(m[1]!);
  }
  return { literal, prefixes };
}

/** Keys that only exist at run time, produced by feeding the schemas the inputs that build them. */
function generatedKeys(): string[] {
  const keys = new Set<string>();
  for (const code of ['9133', '91330100716105852I', '91330100716105852E']) {
    for (const issue of creditCodeSchema.safeParse(code).error?.issues ?? []) keys.add(issue.message);
  }
  for (const id of ['1101051949', '1101051949123100XX', '110105194912310021']) {
    for (const issue of residentIdSchema.safeParse(id).error?.issues ?? []) keys.add(issue.message);
  }
  const bad = dossierInputSchema.safeParse(dossierInput({ registeredCapitalWan: 1.23456, depositPaidYuan: 1.234 }));
  for (const issue of bad.error?.issues ?? []) keys.add(issue.message);
  // Ranking options name the broken rule in params.rule; dispatch turns it into error.rule.<rule>.
  const badOptions = [
    { criteria: [{ key: 'a', weight: 50 }, { key: 'a', weight: 40 }], scale: { min: 10, max: 5 }, tieBreak: ['lowerPrice', 'lowerPrice', 'higherTechnical'] as ('lowerPrice' | 'higherTechnical')[], priceMode: 'lowestPrice' as const, minimumTotal: 200, committeeOrder: { r: ['x', 'x'] } },
  ];
  for (const options of badOptions) {
    for (const issue of roundRankingOptionsSchema.safeParse(options).error?.issues ?? []) {
      const rule = (issue as { params?: { rule?: string } }).params?.rule;
      if (rule) keys.add(`error.rule.${rule}`);
    }
  }
  return [...keys];
}

describe('message keys', () => {
  const { literal, prefixes } = keysInSources();
  const generated = generatedKeys();

  it('finds the keys it is meant to check (guards against a scan that silently finds nothing)', () => {
    expect(literal.size).toBeGreaterThan(20);
    expect([...literal]).toEqual(expect.arrayContaining(['error.required', 'error.phone', 'error.previewExpired', 'error.creditCode.taken']));
    expect(generated.filter((k) => !k.startsWith('error.rule.')).sort()).toEqual(['error.creditCode.charset', 'error.creditCode.checksum', 'error.creditCode.length', 'error.decimals2', 'error.decimals4', 'error.residentId.charset', 'error.residentId.checksum', 'error.residentId.length']);
    expect(generated.filter((k) => k.startsWith('error.rule.')).sort()).toEqual([
      'error.rule.duplicateCommitteeOrder',
      'error.rule.duplicateCriterion',
      'error.rule.duplicateTieBreak',
      'error.rule.minimumOutOfScale',
      'error.rule.priceCriterionMissing',
      'error.rule.scaleRange',
      'error.rule.technicalCriterionMissing',
      'error.rule.weightsTotal',
    ]);
  });

  it('sees the run-time key families in the sources', () => {
    expect([...prefixes].sort()).toEqual(['error.creditCode.', 'error.decimals', 'error.residentId.', 'error.rule.']);
  });

  it('covers every key family built at run time by a generated example', () => {
    for (const prefix of prefixes) expect(generated.some((k) => k.startsWith(prefix)), `no generated key for ${prefix}\${…}`).toBe(true);
  });

  it('has every key in zh-CN.json with a non-empty text', () => {
    const zh = zhCN as Record<string, string>;
    const missing = [...literal, ...generated].filter((k) => !zh[k]?.trim());
    expect(missing).toEqual([]);
  });

  it('has every key in en.json too', () => {
    const en = JSON.parse(fs.readFileSync(enFile, 'utf8')) as Record<string, string>;
    const missing = [...literal, ...generated].filter((k) => !en[k]?.trim());
    expect(missing).toEqual([]);
  });
});
