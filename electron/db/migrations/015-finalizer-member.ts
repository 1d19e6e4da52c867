import type { Migration } from './types';

// Issue 11: the finalizer recorded is the committee's chair who confirms, not the name the app runs under.
// The member's id is kept beside the name (finalized_by / reopened_by keep the name as it was at that moment,
// so a later rename of the member does not rewrite who signed). Additive: finalizations made before this
// have no member id and print as they did.
export const m015FinalizerMember: Migration = {
  version: 15,
  name: 'rounds: the committee member who finalized or reopened a round',
  up: `
    ALTER TABLE finalizations ADD COLUMN finalized_by_member_id TEXT;
    ALTER TABLE finalizations ADD COLUMN reopened_by_member_id TEXT;
  `,
};
