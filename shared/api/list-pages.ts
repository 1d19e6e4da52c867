// The paged lists of a round (issue 8): the applications and screening tabs ask for the rows they show, in
// the order and under the filters the user chose, instead of the whole round (20,000 applications are ~5 MB
// of JSON; 40,000 screening rows several times that). The service keeps each round's rows sorted in memory
// (electron/services/rounds/list-pages.ts); a page is a slice of that.
// Sorting, filtering and searching mean exactly what the lists did in the renderer before
// (renderer/components/lists/sort-filter.ts): zh-CN collation for text columns, empty values last in both
// directions, ties in the list's own order, every search term in one field as text or pinyin.
import { z } from 'zod';
import { humanText } from '../common/validation';
import { uuid } from '../rounds/schema';
import type { Application, ScreeningRow } from '../rounds/views';
import type { Rule } from '../eligibility/rules';

/** Rows per call at most: a screenful is ~15 rows, the renderer asks for 100 at a time. */
export const MAX_PAGE_ROWS = 500;
/** Far beyond any round (issue 8 sizes rounds at 20,000 applications, 40,000 screening rows). */
const MAX_OFFSET = 10_000_000;

const page = {
  roundId: uuid,
  offset: z.number().int().min(0).max(MAX_OFFSET),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
  dir: z.enum(['asc', 'desc']).default('asc'),
  search: humanText(100).default(''),
};
/** '' = every region (the filter select's 全部). */
const regionFilter = z.union([uuid, z.literal('')]).default('');

export const APPLICATION_SORTS = ['name', 'creditCode', 'city', 'quote', 'status'] as const;
export const applicationsPageQuerySchema = z.object({
  ...page,
  sort: z.enum(APPLICATION_SORTS).default('name'),
  region: regionFilter,
  status: z.enum(['', 'active', 'withdrawn']).default(''),
});
export type ApplicationsPageQuery = z.output<typeof applicationsPageQuerySchema>;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export interface ApplicationsPage {
  rows: Application[];
  /** Rows under the filters and the search (what the list scrolls through). */
  total: number;
  /** Every application of the round, withdrawn ones included. */
  all: number;
  withdrawn: number;
}

export const SCREENING_SORTS = ['applicant', 'region', 'verdict', 'override'] as const;
export const screeningPageQuerySchema = z.object({
  ...page,
  sort: z.enum(SCREENING_SORTS).default('applicant'),
  region: regionFilter,
  result: z.enum(['', 'eligible', 'ineligible', 'overridden']).default(''),
});
export type ScreeningPageQuery = z.output<typeof screeningPageQuerySchema>;
export type ScreeningSort = (typeof SCREENING_SORTS)[number];

export interface ScreeningListRow extends ScreeningRow {
  /** The applicant's name ('' when the application is unknown, e.g. a frozen row). */
  applicant: string;
  /** The application's 主体优势说明 (the dialog that accepts it shows the text). */
  statement: string;
  /** The row above in this order is the same applicant (the table greys the repeated name). */
  sameApplicantAsAbove: boolean;
}

export interface ScreeningPage {
  rows: ScreeningListRow[];
  total: number;
  /** Every screening row of the round, and the counts of the result filter's options. */
  all: number;
  eligible: number;
  failed: number;
  overridden: number;
  /** The program's rules, which word the reasons (the tab needs no other call before it can show rows). */
  rules: Rule[];
}
