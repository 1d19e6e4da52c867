import { describe, expect, it } from 'vitest';
import { fromDisplayTokens, toDisplayTokens } from '../../../renderer/features/letters/template-tokens';
import type { LetterField } from '../../../shared/letters';

const LABELS: Partial<Record<LetterField, string>> = { issuerDepartment: '承办部门', letterNumber: '文号', addressee: '收件单位' };
const FIELDS = Object.keys(LABELS) as LetterField[];
const label = (f: LetterField) => LABELS[f]!;

describe('template tokens in the editor', () => {
  it('shows placeholders by their Chinese names and stores the field keys', () => {
    const stored = '> {{letterNumber}}\n{{addressee}}：\n{{issuerDepartment}}';
    const shown = toDisplayTokens(stored, label, FIELDS);
    expect(shown).toBe('> {{文号}}\n{{收件单位}}：\n{{承办部门}}');
    expect(fromDisplayTokens(shown, label, FIELDS)).toBe(stored);
  });

  it('accepts a key typed by hand and leaves an unknown placeholder as typed', () => {
    expect(fromDisplayTokens('{{ issuerDepartment }} {{盖章}}', label, FIELDS)).toBe('{{issuerDepartment}} {{盖章}}');
    expect(toDisplayTokens('{{盖章}}', label, FIELDS)).toBe('{{盖章}}');
  });
});
