// Which calls of the contract the API fuzz covers (issue 9). Every call is fuzzed — its inputs generated from
// its schema, mutated, and at least one accepted so it reaches its service — unless it is listed here with
// the reason. test/integration/fuzz/fuzz-coverage.test.ts fails when a call is added to the contract and is
// neither fuzzed nor listed, or when a listed call no longer exists.
import type { CallName } from '../../../shared/api/call-names';

/** Calls the fuzzer does not send at all: they are not answered by dispatch. */
export const NOT_FUZZED: Partial<Record<CallName, string>> = {
  'jobs.progress': 'answered by the transport host itself (worker-host.ts), never by dispatch; test/integration/transport/data-worker.test.ts polls it during a long import',
  'host.openAttachment': 'needs the Electron shell (the OS opens the file); browser mode answers UNSUPPORTED',
  'host.chooseBackupPath': 'an Electron folder dialog; browser mode answers UNSUPPORTED',
};

/** Worker calls that are fuzzed for refusals, but whose valid input cannot be accepted on the fuzz database. */
export const NEVER_ACCEPTED: Partial<Record<CallName, string>> = {
  'demo.load': 'the fuzz database is the demo round (loaded first, it supplies the ids); a second demo round is refused by design (CONFLICT) — loading is covered by test/integration/demo',
};
