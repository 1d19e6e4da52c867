// Every call's input must be bounded: a string or array with no maximum lets one call make the app read,
// store or loop over an unbounded amount (issue 9: 100k committee-order ids froze the app across restarts).
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { unboundedPaths, untextedPaths } from '../../support/schema-bounds';

describe('contract input bounds', () => {
  it('lists every call (the walk covers the whole contract)', () => {
    expect(Object.keys(contract).length).toBeGreaterThan(60);
  });
  it('every call input bounds every string, array and record', () => {
    const report = Object.fromEntries(
      Object.keys(contract)
        .map((name) => [name, unboundedPaths(contract[name as keyof typeof contract].input)] as const)
        .filter(([, paths]) => paths.length > 0),
    );
    expect(report).toEqual({});
  });
});

// Free strings that are deliberately not human text: opaque ids/keys the service looks up, and fields whose
// content is checked elsewhere. Every other free string must go through validation.ts humanText.
const RAW_ALLOWED = new Set<string>([
  // GB 32100 codes: normalizeCreditCode + creditCodeProblem refuse every character outside the code's set.
  'dossiers.create $.creditCode',
  'dossiers.update $.data.creditCode',
  'bans.add $.creditCode',
  // Opaque handles the service looks up (an unknown one is simply not found).
  'dossiers.importCommit $.previewId',
  'scores.importCommit $.previewId',
  'kpi.importCommit $.previewId',
  'backup.restore $.stagingId',
  'backup.preview $.source|0.name',
  // Compared with the fingerprint computed from the card; never stored or shown.
  'exchange.registerMemberKey $.confirmedFingerprint',
  // File-system paths (absolutePath): the OS allows any character but NUL, which absolutePath refuses.
  'backup.preview $.source|1.path',
  'backup.saveTo $.folder',
  'backup.setMirror $.folder',
  'backup.exportArchive $.folder',
]);

describe('contract human text', () => {
  it('every free-text input goes through the text rule (NFC, no controls, no bidi overrides)', () => {
    const report = Object.fromEntries(
      Object.keys(contract)
        .map((name) => [name, untextedPaths(contract[name as keyof typeof contract].input).filter((p) => !RAW_ALLOWED.has(`${name} ${p}`))] as const)
        .filter(([, paths]) => paths.length > 0),
    );
    expect(report).toEqual({});
  });
});
