// A KPI figure as people write it — typed into the figures grid or found in a spreadsheet cell — read into
// the number the figures schema stores (shared/lifecycle/figures.ts). Both the grid (to refuse a bad value
// inline, before a round trip) and the import (per-row report) use this one reader, so a value the grid
// accepts is a value the import accepts. The backend's figures schema checks again and decides.
//
// Forgiving where a Chinese keyboard or Excel gets in the way: full-width digits and punctuation
// (８９。９９％), a trailing % on rates, L3 for a merchant level, ¥ and thousands separators on money and
// counts (58,000.00 — but only real groups of three: "85,5" is refused, never read as 855).
import { MAX_COUNT, MAX_MERCHANT_LEVEL, MAX_YUAN } from '../lifecycle/constants';
import { FIGURE_FIELDS, type MonthlyWarningFigureField, type PeriodicFigureField } from '../lifecycle/figures';
import type { KpiRuleSetKind } from '../lifecycle/kpi-rules';
import { hasAtMost2Decimals } from '../ranking/decimal';

export type FigureField = PeriodicFigureField | MonthlyWarningFigureField;

/**
 * How a field is written: a whole count, a signed whole count (the net change of bound merchants, which a
 * month with more unbindings than bindings makes negative), money in 元 (2 decimals), a rate in % (2
 * decimals), a level L0–L10.
 */
export type FigureFormat = 'count' | 'signedCount' | 'yuan' | 'percent' | 'level';

export const FIGURE_FORMAT: Readonly<Record<FigureField, FigureFormat>> = Object.freeze({
  newlyBound: 'signedCount',
  newlyBoundGmvYuan: 'yuan',
  orders: 'count',
  staffPassedExam: 'count',
  merchantLevel: 'level',
  pickupRatePercent: 'percent',
  responseRatePercent: 'percent',
});

/** Why a value is refused; each side words it (locale key kpi.refusal.<problem>). */
export type FigureProblem = 'number' | 'integer' | 'negative' | 'tooLarge' | 'decimals2' | 'percentRange' | 'level' | 'fractionPercent';

export type ParsedFigure = { ok: true; value: number | null } | { ok: false; problem: FigureProblem };

export const figureFieldsOf = (kind: KpiRuleSetKind): readonly FigureField[] => (kind === 'noAssessment' ? [] : FIGURE_FIELDS[kind]);

export function isFigureField(name: string): name is FigureField {
  return Object.hasOwn(FIGURE_FORMAT, name);
}

const FULL_WIDTH = /[０-９．，％－＋]/g;

/** Full-width digits and signs to ASCII, 。 to a decimal point, spaces out. */
export function normaliseFigureText(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .replace(/[\s\u3000]+/g, '');
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Typed text is held to its digits ("89.999" is refused, "89.990" is not); a cell's number to its value. */
function atMost2Decimals(value: number, text: string | null): boolean {
  if (text === null) return hasAtMost2Decimals(value);
  const fraction = /\.(\d*?)0*$/.exec(text)?.[1] ?? '';
  return fraction.length <= 2;
}

/**
 * Reads one figure. Empty means "not entered" (null). A number from a spreadsheet cell is taken as is,
 * except a rate between 0 and 1: that is Excel's percentage format (90% is stored as 0.9), refused with a
 * hint rather than read as 0.9 %, which would fail a provider for a formatting accident.
 */
export function parseFigure(field: FigureField, input: string | number | null | undefined): ParsedFigure {
  const format = FIGURE_FORMAT[field];
  let value: number;
  let text: string | null = null; // what was typed, for its digits; null for a spreadsheet number
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'number' };
    if (format === 'percent' && input > 0 && input <= 1) return { ok: false, problem: 'fractionPercent' };
    value = input;
  } else {
    text = normaliseFigureText(input ?? '');
    if (text === '') return { ok: true, value: null };
    if (format === 'percent') text = text.replace(/%$/, '');
    if (format === 'level') text = text.replace(/^[Ll]/, '');
    if (format === 'yuan') text = text.replace(/^[¥￥]/, '').replace(/元$/, '');
    if ((format === 'yuan' || format === 'count' || format === 'signedCount') && GROUPED.test(text)) text = text.replace(/,/g, '');
    if (!NUMBER.test(text)) return { ok: false, problem: format === 'level' ? 'level' : 'number' };
    value = Number(text);
  }
  if (value < 0 && format !== 'signedCount') return { ok: false, problem: 'negative' };
  switch (format) {
    case 'signedCount':
      if (!Number.isInteger(value)) return { ok: false, problem: 'integer' };
      if (Math.abs(value) > MAX_COUNT) return { ok: false, problem: 'tooLarge' };
      break;
    case 'count':
      if (!Number.isInteger(value)) return { ok: false, problem: 'integer' };
      if (value > MAX_COUNT) return { ok: false, problem: 'tooLarge' };
      break;
    case 'level':
      if (!Number.isInteger(value) || value > MAX_MERCHANT_LEVEL) return { ok: false, problem: 'level' };
      break;
    case 'yuan':
      if (value > MAX_YUAN) return { ok: false, problem: 'tooLarge' };
      if (!atMost2Decimals(value, text)) return { ok: false, problem: 'decimals2' };
      break;
    case 'percent':
      if (value > 100) return { ok: false, problem: 'percentRange' };
      if (!atMost2Decimals(value, text)) return { ok: false, problem: 'decimals2' };
      break;
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/** How a stored figure is shown in its cell for editing: plain digits, no grouping (so it re-reads as is). */
export function figureInputText(field: FigureField, value: number | null): string {
  if (value === null) return '';
  return FIGURE_FORMAT[field] === 'level' ? `L${value}` : String(value);
}
