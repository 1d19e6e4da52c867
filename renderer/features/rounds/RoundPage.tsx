// One round: a header and a tab per step of the committee's work, in the order they do it.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Round } from '../../../shared/rounds/views';
import { ROUND_TABS, navigate, type RoundTab } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDay } from '../../lib/format';
import { RoundContext } from './round-context';
import { SetupTab } from './setup/SetupTab';
import { ApplicationsTab } from './applications/ApplicationsTab';
import { ScreeningTab } from './screening/ScreeningTab';
import { CommitteeTab } from './committee/CommitteeTab';
import { ScoringTab } from './scoring/ScoringTab';
import { RankingTab } from './ranking/RankingTab';
import { PackageRoundBanner } from '../exchange/PackageRoundBanner';
import { RoundHistoryDialog } from './history/RoundHistoryDialog';

const TAB_VIEWS: Record<RoundTab, () => React.ReactElement> = {
  setup: SetupTab,
  applications: ApplicationsTab,
  screening: ScreeningTab,
  committee: CommitteeTab,
  scoring: ScoringTab,
  ranking: RankingTab,
};

export function RoundPage({ id, tab }: { id: string; tab: RoundTab }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);

  const reload = useCallback(async () => {
    const result = await api['rounds.get']({ id });
    if (result.ok) setRound(result.value);
    else setError(errorText(result.error));
  }, [id]);
  useEffect(() => void reload(), [reload]);

  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!round) return <p className="empty">{t('common.loading')}</p>;
  const View = TAB_VIEWS[tab];
  return (
    <RoundContext.Provider value={{ round, reload }}>
      <section className="page">
        <div className="page-header">
          <div>
            <h1>{round.name}</h1>
            <p className="muted small">
              {t('round.referenceDate', { date: formatDay(round.referenceDate, locale) })} · {t(`round.status.${round.status}`)}
            </p>
          </div>
          <div className="actions">
            <button type="button" onClick={() => setHistoryOpen(true)}>{t('roundHistory.open')}</button>
            <button type="button" onClick={() => navigate({ page: 'rounds' })}>{t('common.back')}</button>
          </div>
        </div>
        <nav className="tabs" role="tablist">
          {ROUND_TABS.map((name, index) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => navigate({ page: 'round', id, tab: name })}>
              <span className="tab-step">{index + 1}</span> {t(`round.tab.${name}`)}
            </button>
          ))}
        </nav>
        {round.origin === 'package' && <PackageRoundBanner roundId={round.id} />}
        <View />
        {historyOpen && <RoundHistoryDialog roundId={round.id} onClose={() => setHistoryOpen(false)} />}
      </section>
    </RoundContext.Provider>
  );
}
