// The applicants a recusal can name, for the picker: active ones in pinyin order, narrowed by a filter that
// knows names, credit codes, cities, full pinyin and initials (hz → 杭州…). The backend answers the picker
// (applications.choices) with this over a per-round cached, already sorted list, so the committee tab never
// loads a 20,000-applicant round (issue 8).
import { compareZh, matchesZh } from '../common/pinyin';

interface Applicant {
  id: string;
  legalName: string;
  creditCode: string;
  city: string;
  withdrawnAt: string | null;
}

/** A <select> of 20,000 options takes seconds to open: the picker lists this many matches, and says how many more. */
export const PICKER_LIMIT = 300;

/** The applicants a recusal can name (not withdrawn), in pinyin order. */
export function sortedActive<A extends Applicant>(applications: readonly A[]): A[] {
  return applications.filter((a) => !a.withdrawnAt).sort((a, b) => compareZh(a.legalName, b.legalName));
}

/** The picker's options among `active` (sortedActive's list): at most `limit` matches, plus the chosen one. */
export function choicesAmong<A extends Applicant>(active: readonly A[], filter: string, chosenId: string, limit = PICKER_LIMIT): { options: A[]; onlyMatch: A | null; more: number } {
  const matches = active.filter((a) => matchesZh(filter, a.legalName, a.creditCode, a.city));
  const listed = new Set(matches.slice(0, limit)); // a Set: a 20,000-applicant round must not compare every pair
  return {
    // The chosen applicant stays listed when the filter no longer matches it, so the choice is not lost.
    options: active.filter((a) => a.id === chosenId || listed.has(a)),
    more: Math.max(0, matches.length - limit),
    onlyMatch: filter.trim() && matches.length === 1 ? matches[0]! : null,
  };
}

export function applicantChoices<A extends Applicant>(applications: readonly A[], filter: string, chosenId: string, limit = PICKER_LIMIT): { options: A[]; onlyMatch: A | null; more: number } {
  return choicesAmong(sortedActive(applications), filter, chosenId, limit);
}
