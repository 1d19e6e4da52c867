// DateInput's typing rules (issue 11): ISO 2026-12-06 whatever the browser's locale, typed digit by digit or
// pasted in the forms people use; only real days in the app's range are complete; arrows step a part.
import { describe, expect, it } from 'vitest';
import { isCompleteDate, maskDateText, padDateText, stepDatePart } from '../../../renderer/lib/date-mask';

describe('date mask', () => {
  it('groups typed digits into YYYY-MM-DD and YYYY-MM', () => {
    expect(maskDateText('2', 'date')).toBe('2');
    expect(maskDateText('2026', 'date')).toBe('2026');
    expect(maskDateText('20261', 'date')).toBe('2026-1');
    expect(maskDateText('202612', 'date')).toBe('2026-12');
    expect(maskDateText('2026120', 'date')).toBe('2026-12-0');
    expect(maskDateText('20261206', 'date')).toBe('2026-12-06');
    expect(maskDateText('2026120699', 'date')).toBe('2026-12-06');
    expect(maskDateText('202612', 'month')).toBe('2026-12');
    expect(maskDateText('2026123', 'month')).toBe('2026-12');
    expect(maskDateText('abc', 'date')).toBe('');
    expect(maskDateText('', 'date')).toBe('');
  });

  it('keeps a typed hyphen and reads pasted Chinese and slashed dates', () => {
    expect(maskDateText('2026-', 'date')).toBe('2026-');
    expect(maskDateText('2026-12-', 'date')).toBe('2026-12-');
    expect(maskDateText('2026-12-06', 'date')).toBe('2026-12-06');
    expect(maskDateText('2026/12/6', 'date')).toBe('2026-12-6');
    expect(maskDateText('2026年12月6日', 'date')).toBe('2026-12-06');
    expect(maskDateText('2026.3.15', 'date')).toBe('2026-03-15');
    expect(maskDateText('2026年3月', 'month')).toBe('2026-03');
  });

  it('accepts only real days within 1900–2100', () => {
    expect(isCompleteDate('2026-12-06', 'date')).toBe(true);
    expect(isCompleteDate('2028-02-29', 'date')).toBe(true);
    expect(isCompleteDate('2026-02-29', 'date')).toBe(false);
    expect(isCompleteDate('2026-12-6', 'date')).toBe(false);
    expect(isCompleteDate('2999-01-01', 'date')).toBe(false);
    expect(isCompleteDate('2026-12', 'month')).toBe(true);
    expect(isCompleteDate('2026-13', 'month')).toBe(false);
  });

  it('steps the part under the caret, wrapping months and clamping days', () => {
    expect(stepDatePart('2026-12-06', 'date', 2, 1)).toBe('2027-12-06');
    expect(stepDatePart('2026-12-06', 'date', 6, 1)).toBe('2026-01-06');
    expect(stepDatePart('2026-01-31', 'date', 6, 1)).toBe('2026-02-28');
    expect(stepDatePart('2026-12-31', 'date', 9, 1)).toBe('2026-12-01');
    expect(stepDatePart('2026-12-01', 'date', 10, -1)).toBe('2026-12-31');
    expect(stepDatePart('2026-01', 'month', 6, -1)).toBe('2026-12');
    expect(stepDatePart('2026-1', 'date', 6, 1)).toBeNull();
  });

  it('adds the zeros when leaving the field', () => {
    expect(padDateText('2026-3-5', 'date')).toBe('2026-03-05');
    expect(padDateText('2026-12-6', 'date')).toBe('2026-12-06');
    expect(padDateText('2026-3', 'date')).toBe('2026-3');
    expect(padDateText('2026-3', 'month')).toBe('2026-03');
    expect(padDateText('2026-', 'date')).toBe('2026-');
  });
});
