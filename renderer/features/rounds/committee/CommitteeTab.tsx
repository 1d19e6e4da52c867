// 评审小组: the members (one chair at most) with their scoring progress, and conflict-of-interest
// declarations (回避): a recused member does not score that application and is not counted in its aggregate.
import { api } from '../../../api/client';
import { useT } from '../../../i18n/i18n';
import { useRoundContext } from '../round-context';
import { useLoad } from '../common/use-load';
import { readMembers } from '../members-memo';
import { MembersPanel } from './MembersPanel';
import { RecusalsPanel } from './RecusalsPanel';
import { CommitteeExchangePanel } from '../../exchange/CommitteeExchangePanel';
import '../common/rounds-ui.css';
import './committee.css';

export function CommitteeTab() {
  const t = useT();
  const { round, reload: reloadRound } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const members = useLoad(() => readMembers(round.id), [round.id]);
  const recusals = useLoad(() => api['recusals.list']({ roundId: round.id }), [round.id]);

  // Recusals change what members have to fill; members change whom recusals name.
  const changed = async () => {
    await Promise.all([members.reload(), recusals.reload()]);
    await reloadRound();
  };

  const error = members.error ?? recusals.error;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!members.data || !recusals.data) return <p className="empty">{t('common.loading')}</p>;
  return (
    <div className="committee">
      {readOnly && <div className="banner" role="status">{t('committee.finalizedBanner')}</div>}
      <MembersPanel roundId={round.id} members={members.data} readOnly={readOnly} onChanged={changed} />
      {round.origin === 'local' && <CommitteeExchangePanel roundId={round.id} readOnly={round.status === 'finalized'} onChanged={changed} />}
      <RecusalsPanel roundId={round.id} members={members.data} recusals={recusals.data} readOnly={readOnly} onChanged={changed} />
    </div>
  );
}
