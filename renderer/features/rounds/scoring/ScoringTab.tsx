// Step 5, 评分: the member at the keyboard picks themselves, then fills their own sheet in the grid. Every
// member's progress is shown; nobody's scores but the current member's own are ever loaded here.
// Issue 8: the remembered member's sheet is asked for at once, beside members.list (not after it); once the
// committee is known, a remembered member who has left it is nobody and the sheet goes.
import './scoring.css';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Member } from '../../../../shared/rounds/views';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { useCurrentMember, useCurrentMemberId } from '../current-member';
import { readMembers } from '../members-memo';
import { useRoundContext } from '../round-context';
import { MemberPanel } from './MemberPanel';
import { MemberSheet } from './MemberSheet';
import { useLoad } from '../common/use-load';
import { SheetExportPanel } from '../../exchange/SheetExportPanel';

export function ScoringTab() {
  const t = useT();
  const { round } = useRoundContext();
  const storedMemberId = useCurrentMemberId(round.id);
  const choose = useCurrentMember((s) => s.set);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [liveFilled, setLiveFilled] = useState<number | null>(null);

  const loadMembers = useCallback(async () => {
    const result = await readMembers(round.id);
    if (result.ok) setMembers(result.value);
    else setError(errorText(result.error));
  }, [round.id]);
  useEffect(() => void loadMembers(), [loadMembers]);

  const packageInfo = useLoad(() => (round.origin === 'package' ? api['exchange.roundInfo']({ roundId: round.id }) : Promise.resolve({ ok: true as const, value: null })), [round.id, round.origin]);
  const onProgress = useCallback((filled: number) => setLiveFilled(filled), []);

  if (error) return <p className="empty" role="alert">{error}</p>;
  if (members?.length === 0) {
    return (
      <p className="empty">
        {t('scoring.noMembers')}{' '}
        <button type="button" className="link" onClick={() => navigate({ page: 'round', id: round.id, tab: 'committee' })}>{t('round.tab.committee')}</button>
      </p>
    );
  }
  // A package round: only the member the package was addressed to scores here (the backend refuses others).
  const own = round.origin === 'package' ? (packageInfo.data?.packageMemberId ?? null) : null;
  const visible = round.origin === 'package' ? members?.filter((m) => m.id === own) : members;
  // A remembered member who has since been removed from the committee is nobody (known once members are in;
  // until then the remembered member's sheet is loading alongside).
  const currentId = own ?? (!members ? (round.origin === 'package' ? null : storedMemberId) : members.some((m) => m.id === storedMemberId) ? storedMemberId : null);
  const shown = visible?.map((m) => (m.id === currentId && liveFilled !== null && !m.submittedAt ? { ...m, filled: liveFilled } : m));

  return (
    <div className="scoring-tab">
      {shown ? (
        <MemberPanel
          members={shown}
          currentId={currentId}
          onChoose={(memberId) => {
            setLiveFilled(null);
            choose(round.id, memberId);
            void loadMembers();
          }}
        />
      ) : (
        <p className="empty">{t('common.loading')}</p>
      )}
      {round.status === 'finalized' && <div className="banner">{t('scoring.finalizedBanner')}</div>}
      {currentId ? (
        // keyed by member: switching member throws the whole view away, drafts and all.
        <MemberSheet key={currentId} roundId={round.id} memberId={currentId} roundOpen={round.status === 'open'} onProgress={onProgress} onSubmitted={() => void loadMembers()} />
      ) : (
        members && <p className="empty">{t('scoring.chooseFirst')}</p>
      )}
      {round.origin === 'package' && currentId && members && <SheetExportPanel key={members.find((m) => m.id === currentId)?.submittedAt ?? 'draft'} roundId={round.id} submitted={members.some((m) => m.id === currentId && m.submittedAt)} />}
    </div>
  );
}
