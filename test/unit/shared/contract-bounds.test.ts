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
  // A fingerprint typed from paper: hex digits checked by its own pattern, then compared, never stored.
  'history.findHead $.fingerprint',
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

// The walker sees that a cap exists; these check that the caps and the duplicate checks really refuse.
describe('contract caps and duplicate ids', () => {
  const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const issues = (name: keyof typeof contract, input: unknown) => {
    const r = contract[name].input.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('refuses a record past its maxKeys (kpi.setFigures) and keeps one within it', () => {
    const figures = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));
    expect(issues('kpi.setFigures', { cooperationId: u(1), figures: figures(50) })).toEqual([]);
    expect(issues('kpi.setFigures', { cooperationId: u(1), figures: figures(51) })).toEqual(['error.tooMany']);
    expect(issues('kpi.setFigures', { cooperationId: u(1), figures: { month: '2026-13\u001B' } })).toEqual(['error.textControl']);
  });

  it('refuses a committee order past its cap and the same application twice in the round options', () => {
    expect(issues('ranking.committeeOrder', { roundId: u(1), regionId: u(2), applicationIds: Array.from({ length: 10_001 }, (_, i) => u(i)), reason: '理由' })).toContain('error.tooMany');
    const options = { committeeOrder: { [u(2)]: [u(3), u(4), u(3)] } };
    const r = contract['rounds.create'].input.safeParse({ programId: u(1), name: '批次', referenceDate: '2026-11-23', options });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => (i as { params?: { rule?: string } }).params?.rule)).toContain('duplicateCommitteeOrder');
  });

  it('refuses duplicate ids: the same cooperation twice in one confirmation batch, the same region twice in an application', () => {
    expect(issues('assessments.confirm', { runId: u(1), confirmations: [{ cooperationId: u(2), choice: 'proposed' }, { cooperationId: u(2), choice: 'ifPassed', overrideReason: '理由' }] })).toEqual(['error.duplicateId']);
    expect(issues('assessments.confirm', { runId: u(1), confirmations: [{ cooperationId: u(2), choice: 'proposed' }, { cooperationId: u(3), choice: 'proposed' }] })).toEqual([]);
    expect(issues('applications.add', { roundId: u(1), data: { dossierId: 1, priceQuoteYuan: null, regionIds: [u(2), u(2)] } })).toEqual(['error.duplicateRegion']);
  });

  it('caps a program’s rule list and dates a penalty within the sane range', () => {
    const rules = Array.from({ length: 40 }, () => ({ kind: 'realName' }));
    expect(issues('programs.create', { platform: '淘宝直播', name: '项目', rules })).toContain('error.tooMany');
    expect(issues('applications.add', { roundId: u(1), data: { dossierId: 1, priceQuoteYuan: null, regionIds: [u(2)], shopFacts: { lastPenaltyOn: '2999-01-01' } } })).toEqual(['error.dateRange']);
    expect(issues('applications.add', { roundId: u(1), data: { dossierId: 1, priceQuoteYuan: null, regionIds: [u(2)], shopFacts: { lastPenaltyOn: 'yesterday' } } })).toContain('error.date');
  });
});
