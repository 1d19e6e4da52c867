// When the ranking tab asks for a region's analysis and sensitivity (issue 8). The backend answers rankings
// on one reader queue; at 20,000 applications a region's sensitivity takes up to ~0.7 s (the allocation redone
// per weight step), so asking for both with every region shown held the next region's table behind the
// analyses of regions already left (a region switch took ~10 s). So: nothing until the region has stayed on
// screen for `delayMs` (regions clicked or scrolled through ask for nothing), then the analysis, and the
// sensitivity only once the analysis is in. Cancelling (the region changes) stops whatever is still to come.
import type { ApiError, Result } from '../../../../shared/api/result';

export interface AnalysisCalls<A, S> {
  analysis: () => Promise<Result<A>>;
  sensitivity: () => Promise<Result<S>>;
}

export interface AnalysisSink<A, S> {
  analysis: (value: A) => void;
  sensitivity: (value: S) => void;
  error: (error: ApiError) => void;
}

/** Starts loading after `delayMs`; returns the cancel function (call it when the region changes). */
export function loadAnalysis<A, S>(calls: AnalysisCalls<A, S>, sink: AnalysisSink<A, S>, delayMs: number): () => void {
  let live = true;
  const timer = setTimeout(() => {
    void calls.analysis().then((r) => {
      if (!live) return;
      if (!r.ok) return sink.error(r.error);
      sink.analysis(r.value);
      void calls.sensitivity().then((s) => live && s.ok && sink.sensitivity(s.value));
    });
  }, delayMs);
  return () => {
    live = false;
    clearTimeout(timer);
  };
}
