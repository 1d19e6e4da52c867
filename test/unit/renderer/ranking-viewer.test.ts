// Who sees the ranking (issue 11; DOMAIN.md: members score independently, so a member sees the others'
// scores only after submitting their own sheet): the member at the keyboard, else the chair as chair.
import { describe, expect, it } from 'vitest';
import { rankingViewer, type ViewerMember } from '../../../renderer/features/rounds/current-member';

const chair = (submittedAt: string | null): ViewerMember => ({ id: 'c', name: '赵立新', role: 'chair', submittedAt });
const member = (submittedAt: string | null): ViewerMember => ({ id: 'm', name: '钱雅琴', role: 'member', submittedAt });
const AT = '2026-11-23T08:00:00.000Z';

describe('rankingViewer', () => {
  it('the chair sees the ranking as chair without anybody chosen at the keyboard', () => {
    expect(rankingViewer([member(null), chair(AT)], null, false)).toEqual({ mayView: true, viewer: chair(AT), asChair: true });
  });

  it('the chair who has not submitted their own sheet does not see it (members score independently)', () => {
    expect(rankingViewer([chair(null), member(AT)], null, false)).toEqual({ mayView: false, viewer: chair(null), asChair: true, reason: 'chairNotSubmitted' });
  });

  it('a member at the keyboard is the viewer, even when the chair has submitted', () => {
    expect(rankingViewer([chair(AT), member(null)], 'm', false)).toMatchObject({ mayView: false, viewer: { id: 'm' }, asChair: false, reason: 'notSubmitted' });
    expect(rankingViewer([chair(null), member(AT)], 'm', false)).toMatchObject({ mayView: true, viewer: { id: 'm' }, asChair: false });
  });

  it('a remembered member no longer on the committee falls back to the chair', () => {
    expect(rankingViewer([chair(AT)], 'gone', false)).toMatchObject({ mayView: true, viewer: { id: 'c' }, asChair: true });
  });

  it('without a chair and nobody chosen there is no viewer', () => {
    expect(rankingViewer([member(AT)], null, false)).toMatchObject({ mayView: false, viewer: null, reason: 'noMember' });
  });

  it('a finalized round is shown to everyone', () => {
    expect(rankingViewer([chair(null)], null, true)).toMatchObject({ mayView: true });
    expect(rankingViewer([], null, true)).toMatchObject({ mayView: true, viewer: null });
  });
});
