// Period dates of seed 001 (trial, regular periods) and seed 002 (assessed months), across year ends.
import { describe, expect, it } from 'vitest';
import {
  SEED_002_RULE_SET,
  addMonths,
  assessedMonth,
  assessedMonthContaining,
  assessedMonthsDue,
  firstAssessedMonth,
  lastDay,
  monthsBetween,
  periodContaining,
  periodicCalendar,
  periodsEndedBy,
  regularPeriod,
  regularPeriods,
  trialPeriod,
  trialStart,
} from '../../../shared/lifecycle';

const span = (p: { start: string; end: string }) => `${p.start}..${p.end}`;

describe('months', () => {
  it('adds and counts months across year ends; last days know leap years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthsBetween('2026-11', '2027-02')).toBe(3);
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2027-02')).toBe('2027-02-28');
    expect(lastDay('2100-02')).toBe('2100-02-28');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('2026-04')).toBe('2026-04-30');
    expect(lastDay('2026-12')).toBe('2026-12-31');
  });
});

describe('seed 001 trial (试跑期为3个月,试跑开始日期为每月1日)', () => {
  it('starts on the admission day when it is a 1st, else on the 1st of the next month', () => {
    expect(trialStart('2026-11-01')).toBe('2026-11-01');
    expect(trialStart('2026-10-02')).toBe('2026-11-01');
    expect(trialStart('2026-12-15')).toBe('2027-01-01');
  });

  it('lasts 3 calendar months, across the year end: 2026-11-01..2027-01-31', () => {
    const trial = trialPeriod('2026-11-01');
    expect(trial).toMatchObject({ kind: 'trial', index: 0, start: '2026-11-01', end: '2027-01-31', months: ['2026-11', '2026-12', '2027-01'] });
    expect(span(trialPeriod('2026-10-31'))).toBe('2026-11-01..2027-01-31');
  });

  it('seed 001 §3.4 example: trial 4月1日..6月30日, first regular period 7月1日..9月30日', () => {
    const cal = periodicCalendar('2026-04-01');
    expect(span(cal.trial)).toBe('2026-04-01..2026-06-30');
    expect(cal.firstRegularStart).toBe('2026-07-01');
    expect(span(regularPeriod(cal, 1))).toBe('2026-07-01..2026-09-30');
  });

  it('regular periods follow from the 1st of the month after the trial: Nov → Jan trial, then Feb–Apr, May–Jul, …', () => {
    const cal = periodicCalendar('2026-11-01');
    expect(regularPeriods(cal, 4).map(span)).toEqual(['2027-02-01..2027-04-30', '2027-05-01..2027-07-31', '2027-08-01..2027-10-31', '2027-11-01..2028-01-31']);
    expect(regularPeriods(cal, 2).map((p) => p.index)).toEqual([1, 2]);
  });

  it('after early confirmation the trial ends with the confirming month and period 1 starts the month after', () => {
    const cal = periodicCalendar('2026-11-01', undefined, '2026-12');
    expect(span(cal.trial)).toBe('2026-11-01..2026-12-31');
    expect(span(regularPeriod(cal, 1))).toBe('2027-01-01..2027-03-31');
    expect(() => periodicCalendar('2026-11-01', undefined, '2027-02')).toThrow(RangeError);
    expect(() => periodicCalendar('2026-11-01', undefined, '2026-10')).toThrow(RangeError);
  });

  it('finds the period containing a day; none before the trial', () => {
    const cal = periodicCalendar('2026-11-01');
    expect(periodContaining(cal, '2026-10-31')).toBeNull();
    expect(periodContaining(cal, '2026-11-01')?.kind).toBe('trial');
    expect(periodContaining(cal, '2027-01-31')?.kind).toBe('trial');
    expect(periodContaining(cal, '2027-02-01')).toMatchObject({ kind: 'regular', index: 1 });
    expect(periodContaining(cal, '2027-04-30')).toMatchObject({ kind: 'regular', index: 1 });
    expect(periodContaining(cal, '2027-05-01')).toMatchObject({ kind: 'regular', index: 2 });
  });

  it('lists the periods ended by a day (those with a check date due)', () => {
    const cal = periodicCalendar('2026-11-01');
    expect(periodsEndedBy(cal, '2027-01-30')).toEqual([]);
    expect(periodsEndedBy(cal, '2027-01-31').map((p) => p.index)).toEqual([0]);
    expect(periodsEndedBy(cal, '2027-07-31').map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('honours edited lengths', () => {
    const cal = periodicCalendar('2026-11-01', { trialMonths: 2, periodMonths: 6 });
    expect(span(cal.trial)).toBe('2026-11-01..2026-12-31');
    expect(span(regularPeriod(cal, 1))).toBe('2027-01-01..2027-06-30');
  });
});

describe('seed 002 assessed months (从认证的第二个自然月开始考核, 自然月的最后一天触发汰换)', () => {
  it('seed example: certified 9月2日 → assessed from 10月1日, first check 10月31日', () => {
    expect(firstAssessedMonth('2026-09-02')).toBe('2026-10');
    expect(assessedMonth('2026-09-02', 1)).toMatchObject({ kind: 'month', index: 1, start: '2026-10-01', end: '2026-10-31' });
  });

  it('across the year end: certified 2026-11-15 → December (seed reading), January with offset 2', () => {
    expect(firstAssessedMonth('2026-11-15')).toBe('2026-12');
    expect(firstAssessedMonth('2026-12-01')).toBe('2027-01'); // a certification on the 1st still waits a month
    expect(firstAssessedMonth('2026-11-15', { ...SEED_002_RULE_SET, firstAssessedMonthOffset: 2 })).toBe('2027-01');
    expect(span(assessedMonth('2026-11-15', 3))).toBe('2027-02-01..2027-02-28');
  });

  it('no assessed month before the first one; months are due on their last day', () => {
    expect(assessedMonthContaining('2026-11-15', '2026-11-30')).toBeNull();
    expect(assessedMonthContaining('2026-11-15', '2027-01-10')).toMatchObject({ index: 2, end: '2027-01-31' });
    expect(assessedMonthsDue('2026-11-15', '2026-12-30')).toEqual([]);
    expect(assessedMonthsDue('2026-11-15', '2027-01-31').map(span)).toEqual(['2026-12-01..2026-12-31', '2027-01-01..2027-01-31']);
  });
});
