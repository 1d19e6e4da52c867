// Step 6, 排名与名单: the ranking per region with each result explained, the analysis, the committee's
// order for still-tied groups, export, print, finalize. Before the round is finalized only a member who
// has submitted their own sheet sees it (the others' scores are in it); the backend enforces the same.
import './ranking.css';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Member } from '../../../../shared/rounds/views';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { navigate } from '../../../app/router';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useCurrentMemberId } from '../current-member';
import { useRoundContext } from '../round-context';
import { AnalysisPanel } from './AnalysisPanel';
import { RankingActions } from './RankingActions';
import { finalizerText } from './ChairConfirm';
import { ResultCheckPanel, ResultExportButton } from '../../exchange/ResultPanel';
import { RegionTable } from './RegionTable';
import { TieOrderPanel } from './TieOrderPanel';

export function RankingTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round, reload } = useRoundContext();
  const currentMemberId = useCurrentMemberId(round.id);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [results, setResults] = useState<RoundResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [chosenRegion, setChosenRegion] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    void api['members.list']({ roundId: round.id }).then((r) => (r.ok ? setMembers(r.value) : setError(errorText(r.error))));
  }, [round.id, round.status]);

  const me = members?.find((m) => m.id === currentMemberId) ?? null;
  const finalized = round.status === 'finalized';
  const mayView = finalized || me?.submittedAt != null;
  const viewer = me?.id ?? null;

  const loadResults = useCallback(async () => {
    const r = await api['ranking.results']({ roundId: round.id, viewerMemberId: viewer });
    if (r.ok) setResults(r.value);
    else setError(errorText(r.error));
  }, [round.id, viewer]);
  useEffect(() => {
    // Never ask before the viewer may see: the request itself would be about others' scores.
    if (mayView) void loadResults();
  }, [mayView, finalized, loadResults]);

  // A package round holds only this member's sheet: no ranking here; the chair's signed 结果包 is checked instead.
  if (round.origin === 'package') return <ResultCheckPanel />;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!members) return <p className="empty">{t('common.loading')}</p>;
  if (!mayView) {
    return (
      <div className="empty ranking-gate">
        <p>{me ? t('ranking.gate.notSubmitted', { name: me.name }) : t('ranking.gate.noMember')}</p>
        <button type="button" className="primary" onClick={() => navigate({ page: 'round', id: round.id, tab: 'scoring' })}>{t('ranking.gate.toScoring')}</button>
      </div>
    );
  }
  if (!results) return <p className="empty">{t('common.loading')}</p>;

  const regions = round.regions.filter((r) => results.ranking.regions.some((x) => x.regionId === r.id));
  const regionId = regions.some((r) => r.id === chosenRegion) ? chosenRegion! : (regions[0]?.id ?? null);
  const outstanding = results.sheets.filter((s) => !s.submitted).map((s) => results.labels.members[s.memberId]?.name ?? s.memberId);
  const refresh = async () => {
    await reload();
    await loadResults();
  };

  return (
    <div className="ranking-tab">
      <div className="ranking-head">
        <div className="small">
          <div>{t('ranking.sheets', { submitted: results.sheets.length - outstanding.length, total: results.sheets.length })}{outstanding.length > 0 && t('ranking.sheetsOutstanding', { names: outstanding.join('、') })}</div>
          {/* The backend ranks submitted sheets only (ranking-service.ts): say how many are left out. */}
          {outstanding.length > 0 && <div className="drafts-not-counted">{t('ranking.draftsNotCounted', { count: outstanding.length })}</div>}
          {!results.finalized && <div className="muted">{t('ranking.live', { at: formatDateTime(results.computedAt, locale) })}</div>}
        </div>
        <RankingActions roundId={round.id} viewerMemberId={viewer} finalized={finalized} outstanding={outstanding} onChanged={refresh} onRefused={setRefusal} />
        {finalized && <ResultExportButton roundId={round.id} />}
      </div>
      {refusal && <div className="banner error" role="alert">{refusal}</div>}
      {results.explanations.some((e) => e.provisional === true) && <div className="banner provisional-banner">{t('ranking.provisionalNotice')}</div>}
      {results.finalized && <div className="banner finalized-banner">{t('ranking.finalizedBanner', { at: formatDateTime(results.finalized.at, locale), by: finalizerText(t, results.finalized) })}</div>}
      {regions.length === 0 || !regionId ? (
        <p className="empty">{t('ranking.noRegions')}</p>
      ) : (
        <>
          <div className="region-picker" role="group" aria-label={t('ranking.region')}>
            {regions.map((r) => (
              <button key={r.id} type="button" className={r.id === regionId ? 'selected' : undefined} aria-pressed={r.id === regionId} onClick={() => setChosenRegion(r.id)}>
                {r.name} <span className="small">{t('ranking.quota', { quota: r.quota })}</span>
              </button>
            ))}
          </div>
          <RegionTable results={results} regionId={regionId} selectedId={selectedId} onSelect={setSelectedId} />
          {!finalized && <TieOrderPanel key={`${regionId}-${results.computedAt}`} results={results} regionId={regionId} onSaved={() => void refresh()} />}
          <AnalysisPanel results={results} regionId={regionId} viewerMemberId={viewer} selectedId={selectedId} onSelect={setSelectedId} />
        </>
      )}
    </div>
  );
}
