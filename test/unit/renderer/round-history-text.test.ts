// The round history's lines in words (renderer/features/rounds/history/round-history-text.ts), in zh-CN as
// the committee reads them: a score import is one line per member sheet (who imported is the entry's actor;
// whose sheet, how many scores, which file), a single score shows its criterion and values.
import { describe, expect, it } from 'vitest';
import zhScoring from '../../../resources/locales/zh-CN/rounds-scoring.json';
import type { Change } from '../../../shared/history/schema';
import { historyDetail, scoreImportOf } from '../../../renderer/features/rounds/history/round-history-text';

const messages = zhScoring as Record<string, string>;
const context = {
  t: (k: string, params: Record<string, string | number> = {}) => (messages[k] ?? k).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? '')),
  criterionName: (k: string) => messages[`criterion.${k}`] ?? k,
};
const change = (action: Change['action'], before: unknown, after: unknown): Change => ({ seq: 7, at: '2026-12-06T08:00:00.000Z', actor: '王评审', entity: 'round', entityId: null, entityKey: 'r', action, before, after });

describe('round history in words', () => {
  it('a score import: whose sheet, how many scores written and unchanged, from which file', () => {
    const entry = change('import', null, { scoreImport: { file: '钱委员.csv', sha256: 'ab'.repeat(32), fileRows: 12, rows: 12, written: 10, unchanged: 2, sheetId: 's', memberId: 'm', memberName: '钱委员' } });
    expect(scoreImportOf(entry)).toMatchObject({ written: 10, memberName: '钱委员' });
    expect(historyDetail(entry, context)).toBe('从文件“钱委员.csv”导入钱委员的评分表：写入 10 个分数，2 个无变化');
  });
  it('a score import with no valid row, and a dossier import (not a score import)', () => {
    expect(historyDetail(change('import', null, { scoreImport: { file: 'x.csv', rows: 0, written: 0, unchanged: 0 } }), context)).toBe('从文件“x.csv”导入评分：没有可写入的分数');
    expect(scoreImportOf(change('import', null, { file: 'dossiers.csv' }))).toBeNull();
    expect(historyDetail(change('import', null, { file: 'dossiers.csv' }), context)).toBeNull();
  });
  it('a single score from the grid and a submitted sheet', () => {
    const after = { sheetId: 's', memberId: 'm', applicationId: 'a', criterion: 'technical', value: 88.5, comment: '' };
    expect(historyDetail(change('score', null, after), context)).toBe('技术水平：— → 88.5');
    expect(historyDetail(change('score', { ...after, value: 80 }, after), context)).toBe('技术水平：80 → 88.5');
    expect(historyDetail(change('submit', null, { sheetId: 's', memberId: 'm', memberName: '赵组长', cells: 8 }), context)).toBe('赵组长提交评分表（8 个分数）');
    expect(historyDetail(change('create', null, { name: '批次' }), context)).toBeNull();
  });
});
