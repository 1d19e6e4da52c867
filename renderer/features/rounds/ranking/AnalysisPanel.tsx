// Analysis beside the ranking (issue 3): agreement between members (Kendall's W), the spread of the
// members' scores per application and criterion with outlier flags, one application in detail, and the
// weight sensitivity of the cutoff. All computed by the backend; this panel only lays it out.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { RegionAnalysis } from '../../../../shared/ranking/analysis';
import type { RegionSensitivity } from '../../../../shared/ranking/sensitivity';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { ApplicationDetail } from './ApplicationDetail';
import { DispersionTable } from './DispersionTable';
import { SensitivityPanel } from './SensitivityPanel';
import { loadAnalysis } from './analysis-loader';

interface Props {
  results: RoundResults;
  regionId: string;
  viewerMemberId: string | null;
  selectedId: string | null;
  onSelect: (applicationId: string) => void;
}

/** How long a region stays shown before its analysis is asked for (regions clicked through ask for nothing). */
export const ANALYSIS_DELAY_MS = 250;

/** Plain-language reading of W, after the usual bands (Schmidt 1997: .3 weak, .5 moderate, .7 strong, .9 very strong). */
function readingKey(w: number): MessageKey {
  if (w >= 0.9) return 'ranking.analysis.w.veryStrong';
  if (w >= 0.7) return 'ranking.analysis.w.strong';
  if (w >= 0.5) return 'ranking.analysis.w.moderate';
  if (w >= 0.3) return 'ranking.analysis.w.weak';
  return 'ranking.analysis.w.none';
}

export function AnalysisPanel({ results, regionId, viewerMemberId, selectedId, onSelect }: Props) {
  const t = useT();
  const [analysis, setAnalysis] = useState<RegionAnalysis | null>(null);
  const [sensitivity, setSensitivity] = useState<RegionSensitivity | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setAnalysis(null);
    setSensitivity(null);
    setError(null);
    const input = { roundId: results.roundId, regionId, viewerMemberId };
    // Asked once the region has stayed on screen a moment, the sensitivity after the analysis (analysis-loader.ts says why).
    return loadAnalysis(
      { analysis: () => api['ranking.analysis'](input), sensitivity: () => api['ranking.sensitivity'](input) },
      { analysis: setAnalysis, sensitivity: setSensitivity, error: (e) => setError(errorText(e)) },
      ANALYSIS_DELAY_MS,
    );
  }, [results, regionId, viewerMemberId]);

  if (error) return <p className="banner error" role="alert">{error}</p>;
  if (!analysis) return <p className="muted">{t('common.loading')}</p>;
  const memberName = (id: string) => results.labels.members[id]?.name ?? id;
  const { concordance } = analysis;
  // Read the W that is shown (2 decimals), so the words never contradict the number.
  const w = concordance.result ? Math.round(concordance.result.w * 100) / 100 : null;
  // Screened-out applications have no scores to analyse.
  const scored = analysis.applications.filter((a) => a.standing !== 'ineligible');
  const selected = scored.find((a) => a.applicationId === selectedId) ?? scored[0] ?? null;

  return (
    <section className="analysis" aria-label={t('ranking.analysis.title')}>
      <h2>{t('ranking.analysis.title')}</h2>
      <div className="panel concordance" data-testid="concordance">
        <strong>{t('ranking.analysis.w.label')}</strong>{' '}
        {w !== null ? (
          <>
            <span className="w-value">W = {w.toFixed(2)}</span>{' '}
            <span>{t('ranking.analysis.w.basis', { members: concordance.memberIds.length, applications: concordance.applicationIds.length })}</span>
            <div>{t(readingKey(w))}</div>
          </>
        ) : (
          <span className="muted">{t('ranking.analysis.w.unavailable')}</span>
        )}
        {concordance.excludedMemberIds.length > 0 && <div className="small muted">{t('ranking.analysis.w.excluded', { names: concordance.excludedMemberIds.map(memberName).join('、') })}</div>}
      </div>
      {/* Stacked, not side by side: a committee of seven needs the full width for its members' columns. */}
      {selected && <ApplicationDetail results={results} application={selected} />}
      <DispersionTable results={results} analysis={analysis} selectedId={selected?.applicationId ?? null} onSelect={onSelect} />
      {sensitivity ? <SensitivityPanel results={results} sensitivity={sensitivity} /> : <p className="muted small">{t('common.loading')}</p>}
    </section>
  );
}
