// The applicants a recusal can name, for the picker: active ones in pinyin order, narrowed by a filter that
// knows names, credit codes, cities, full pinyin and initials (hz → 杭州…).
import { compareZh, matchesZh } from '../../../../shared/common/pinyin';

interface Applicant {
  id: string;
  legalName: string;
  creditCode: string;
  city: string;
  withdrawnAt: string | null;
}

/** A <select> of 20,000 options takes seconds to open: the picker lists this many matches, and says how many more. */
export const PICKER_LIMIT = 300;

export function applicantChoices<A extends Applicant>(applications: readonly A[], filter: string, chosenId: string, limit = PICKER_LIMIT): { options: A[]; onlyMatch: A | null; more: number } {
  const active = applications.filter((a) => !a.withdrawnAt).sort((a, b) => compareZh(a.legalName, b.legalName));
  const matches = active.filter((a) => matchesZh(filter, a.legalName, a.creditCode, a.city));
  const listed = new Set(matches.slice(0, limit)); // a Set: a 20,000-applicant round must not compare every pair
  return {
    // The chosen applicant stays listed when the filter no longer matches it, so the choice is not lost.
    options: active.filter((a) => a.id === chosenId || listed.has(a)),
    more: Math.max(0, matches.length - limit),
    onlyMatch: filter.trim() && matches.length === 1 ? matches[0]! : null,
  };
}
