// The 版头 options of a template (发文机关标志, red separator line), switched by checkboxes that edit the text.
import { describe, expect, it } from 'vitest';
import { hasLetterhead, hasRedLine, renderLetter, setLetterhead, setRedLine } from '../../../shared/letters';
import { builtin } from './sample';

const text = builtin.templates.terminationNotice.text;

describe('template options', () => {
  it('are off in the built-in templates', () => {
    for (const t of Object.values(builtin.templates)) expect([hasLetterhead(t.text), hasRedLine(t.text)], t.kind).toEqual([false, false]);
  });

  it('adds the letterhead first and the red line right above the title, and takes them out again', () => {
    const on = setRedLine(setLetterhead(text, true), true);
    expect(on.split('\n').slice(0, 4)).toEqual(['! {{issuerName}}', '> {{letterNumber}}', '---', '# 终止合作通知']);
    expect([hasLetterhead(on), hasRedLine(on)]).toEqual([true, true]);
    expect(renderLetter({ kind: 'terminationNotice', text: on }, {}).blocks.slice(0, 4).map((b) => b.role)).toEqual(['letterhead', 'reference', 'rule', 'title']);
    // Idempotent, and undone exactly.
    expect(setLetterhead(setRedLine(on, true), true)).toBe(on);
    expect(setLetterhead(setRedLine(on, false), false)).toBe(text);
  });

  it('a rule below the title is not the red line of the 版头', () => {
    expect(hasRedLine('# 通知\n---\n正文')).toBe(false);
    expect(setRedLine('# 通知\n---\n正文', false)).toBe('# 通知\n---\n正文');
  });
});
