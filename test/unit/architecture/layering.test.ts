// The layers are enforced by lint (eslint.config.js), not hoped for: these cases prove the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/api/call-names';
import { contract } from '../../../shared/api/contract';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('layering rules', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['shared/x.ts', "import path from 'path'; export const a = path;"],
    ['shared/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['shared/x.ts', "import Database from 'better-sqlite3'; export const a = Database;"],
    ['shared/x.ts', "import { useState } from 'react'; export const a = useState;"],
    ['shared/x.ts', "import zh from '../resources/locales/zh-CN.json'; export const a = zh;"],
    ['shared/x.ts', 'export const a = () => window.location;'],
    ['renderer/x.ts', "import { handlers } from '../electron/backend/handlers'; export const a = handlers;"],
    ['renderer/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['electron/x.ts', "import { App } from '../renderer/app/App'; export const a = App;"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod'; export const a = z;"],
    ['renderer/x.ts', "import { contract } from '../shared/api/contract'; export const a = contract;"],
    ['electron/x.ts', "import fs from 'node:fs'; export const a = fs;"],
  ])('%s allows: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBe(0);
  });
});

describe('the preload surface', () => {
  it('lists exactly the contract calls, once each', () => {
    expect([...callNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(callNames).size).toBe(callNames.length);
  });
});
