// Step 6, 排名与名单: the ranking per region with each result explained, the analysis, the committee's
// order for still-tied groups, export, print, finalize. Before the round is finalized only a member who
// has submitted their own sheet sees it (the others' scores are in it); the backend enforces the same.
// Who views (issue 11): the member at the keyboard, else the chair as chair — rankingViewer in
// current-member.ts, which explains the rule.
// Issue 8: the tab asks only for what it shows — ranking.summary for the region list and its counts, and
// ranking.region for the selected region (kept per region until the ranking changes, so going back to a
// region is immediate); the analysis and sensitivity panels ask for that region only.
import './ranking.css';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { Member } from '../../../../shared/rounds/views';
import type { Result } from '../../../../shared/api/result';
import type { RegionResults, RoundResultsSummary } from '../../../../shared/rounds/region-results';
import { navigate } from '../../../app/router';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { rankingViewer, useCurrentMemberId } from '../current-member';
import { lastReadMembers, readMembers } from '../members-memo';
import { useRoundContext } from '../round-context';
import { AnalysisPanel } from './AnalysisPanel';
import { RankingActions } from './RankingActions';
import { finalizerText } from './ChairConfirm';
import { ResultCheckPanel, ResultExportButton } from '../../exchange/ResultPanel';
import { RegionPicker } from './RegionPicker';
import { RegionTable } from './RegionTable';
import { TieOrderPanel } from './TieOrderPanel';
import { asResults, hasProvisional } from './region-view';

interface EarlyRegion {
  regionId: string;
  answer: Promise<Result<RegionResults>>;
}

/** The region the tab shows: the one chosen, while the summary still has it, else the first. */
function shownRegionId(summary: RoundResultsSummary, chosen: string | null): string | null {
  return summary.regions.some((r) => r.regionId === chosen) ? chosen : (summary.regions[0]?.regionId ?? null);
}

export function RankingTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round, reload } = useRoundContext();
  const currentMemberId = useCurrentMemberId(round.id);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [summary, setSummary] = useState<RoundResultsSummary | null>(null);
  const [region, setRegion] = useState<RegionResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [chosenRegion, setChosenRegion] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Regions already fetched for the current summary (same computation); emptied when the summary is reloaded.
  const regionCache = useRef(new Map<string, RegionResults>());
  // Asks sent ahead of the render that would send them (issue 8, ≈ 30 ms at 20,000 applications): the summary
  // beside members.list when the list read a moment ago already lets the viewer see (members-memo.ts), and the
  // region to show as soon as the summary answers. Used only if they match what the render then asks for.
  const earlySummary = useRef<{ viewer: string | null; answer: Promise<Result<RoundResultsSummary>>; region: Promise<EarlyRegion | null> } | null>(null);
  const earlyRegions = useRef(new Map<string, Promise<Result<RegionResults>>>());
  const chosenRegionRef = useRef(chosenRegion);
  chosenRegionRef.current = chosenRegion;

  /** Asks for the region the tab will show under this summary (see shownRegionId). */
  const askRegion = (r: Result<RoundResultsSummary>, viewerId: string | null): EarlyRegion | null => {
    const regionId = r.ok ? shownRegionId(r.value, chosenRegionRef.current) : null;
    return regionId ? { regionId, answer: api['ranking.region']({ roundId: round.id, regionId, viewerMemberId: viewerId }) } : null;
  };

  // The three asks below are a chain (who views → the summary → its first region): each is sent in the commit
  // that makes it possible (layout effects), not after that commit's paint.
  useLayoutEffect(() => {
    const recent = lastReadMembers(round.id);
    const guess = recent ? rankingViewer(recent, currentMemberId, round.status === 'finalized') : null;
    // Never ask before the viewer may see (the request itself is about others' scores): only on a list that says so.
    const viewerId = guess?.viewer?.id ?? null;
    if (guess?.mayView) {
      const answer = api['ranking.summary']({ roundId: round.id, viewerMemberId: viewerId });
      // The region to show goes out as soon as the summary answers, not after members.list too.
      const region = answer.then((r) => askRegion(r, viewerId));
      earlySummary.current = { viewer: viewerId, answer, region };
    } else earlySummary.current = null;
    void readMembers(round.id).then((r) => (r.ok ? setMembers(r.value) : setError(errorText(r.error))));
  }, [round.id, round.status, currentMemberId]);

  const finalized = round.status === 'finalized';
  const who = members ? rankingViewer(members, currentMemberId, finalized) : null;
  const mayView = who?.mayView === true;
  const viewer = who?.viewer?.id ?? null;

  const loadSummary = useCallback(async () => {
    const early = earlySummary.current;
    earlySummary.current = null;
    const used = early && early.viewer === viewer ? early : null;
    const r = await (used ? used.answer : api['ranking.summary']({ roundId: round.id, viewerMemberId: viewer }));
    const region = used ? await used.region : askRegion(r, viewer);
    regionCache.current = new Map();
    earlyRegions.current = new Map(region ? [[region.regionId, region.answer]] : []);
    if (!r.ok) return setError(errorText(r.error));
    setSummary(r.value);
  }, [round.id, viewer]);
  useLayoutEffect(() => {
    // Never ask before the viewer may see: the request itself would be about others' scores.
    if (mayView) void loadSummary();
  }, [mayView, finalized, loadSummary]);

  const regionId = summary ? shownRegionId(summary, chosenRegion) : null;
  useLayoutEffect(() => {
    if (!summary || !regionId) return;
    const cached = regionCache.current.get(regionId);
    if (cached) return setRegion(cached);
    let live = true;
    const cache = regionCache.current;
    const early = earlyRegions.current.get(regionId);
    earlyRegions.current.delete(regionId);
    void (early ?? api['ranking.region']({ roundId: round.id, regionId, viewerMemberId: viewer })).then((r) => {
      if (!r.ok) return live && setError(errorText(r.error));
      cache.set(regionId, r.value);
      if (live) setRegion(r.value);
    });
    return () => void (live = false);
  }, [summary, regionId, round.id, viewer]);

  const shown = region && region.regionId === regionId ? region : null;
  const results = useMemo(() => (shown ? asResults(shown) : null), [shown]);

  // A package round holds only this member's sheet: no ranking here; the chair's signed 结果包 is checked instead.
  if (round.origin === 'package') return <ResultCheckPanel />;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!who) return <p className="empty">{t('common.loading')}</p>;
  if (!who.mayView) {
    const name = who.viewer?.name ?? '';
    const text = who.reason === 'noMember' ? t('ranking.gate.noMember') : who.reason === 'chairNotSubmitted' ? t('ranking.gate.chairNotSubmitted', { name }) : t('ranking.gate.notSubmitted', { name });
    return (
      <div className="empty ranking-gate">
        <p>{text}</p>
        <button type="button" className="primary" onClick={() => navigate({ page: 'round', id: round.id, tab: 'scoring' })}>{t('ranking.gate.toScoring')}</button>
      </div>
    );
  }
  if (!summary) return <p className="empty">{t('common.loading')}</p>;

  const outstanding = summary.sheets.filter((s) => !s.submitted).map((s) => summary.labels.members[s.memberId]?.name ?? s.memberId);
  const refresh = async () => {
    await reload();
    await loadSummary();
  };

  return (
    <div className="ranking-tab">
      <div className="ranking-head">
        <div className="small">
          <div>{t('ranking.sheets', { submitted: summary.sheets.length - outstanding.length, total: summary.sheets.length })}{outstanding.length > 0 && t('ranking.sheetsOutstanding', { names: outstanding.join('、') })}</div>
          {/* The backend ranks submitted sheets only (ranking-service.ts): say how many are left out. */}
          {outstanding.length > 0 && <div className="drafts-not-counted">{t('ranking.draftsNotCounted', { count: outstanding.length })}</div>}
          {!summary.finalized && <div className="muted">{t('ranking.live', { at: formatDateTime(summary.computedAt, locale) })}</div>}
          {!finalized && who.viewer && <div className="viewer-note" data-testid="ranking-viewer">{t(who.asChair ? 'ranking.viewer.asChair' : 'ranking.viewer.asMember', { name: who.viewer.name })}</div>}
        </div>
        <RankingActions roundId={round.id} viewerMemberId={viewer} finalized={finalized} outstanding={outstanding} onChanged={refresh} onRefused={setRefusal} />
        {finalized && <ResultExportButton roundId={round.id} />}
      </div>
      {refusal && <div className="banner error" role="alert">{refusal}</div>}
      {/* Seats waiting for the committee make results provisional (across regions when there is a cap). */}
      {(summary.pendingCommittee || (shown !== null && hasProvisional(shown.explanations))) && <div className="banner provisional-banner">{t('ranking.provisionalNotice')}</div>}
      {summary.finalized && <div className="banner finalized-banner">{t('ranking.finalizedBanner', { at: formatDateTime(summary.finalized.at, locale), by: finalizerText(t, summary.finalized) })}</div>}
      {summary.regions.length === 0 || !regionId ? (
        <p className="empty">{t('ranking.noRegions')}</p>
      ) : (
        <div className="ranking-body">
          <RegionPicker regions={summary.regions} selectedId={regionId} onSelect={setChosenRegion} />
          <div className="ranking-main">
            {results ? (
              <>
                <RegionTable results={results} regionId={regionId} selectedId={selectedId} onSelect={setSelectedId} />
                {!finalized && <TieOrderPanel key={`${regionId}-${results.computedAt}`} results={results} regionId={regionId} onSaved={() => void refresh()} />}
                <AnalysisPanel results={results} regionId={regionId} viewerMemberId={viewer} selectedId={selectedId} onSelect={setSelectedId} />
              </>
            ) : (
              <p className="empty">{t('common.loading')}</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
