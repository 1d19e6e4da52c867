// One assessment run with what its page needs around it: the program (name, platform for letters), the
// cooperations (dossier ids for letters) and the letters already issued for the run. Confirmations go to
// assessments.confirm, one transaction per click; the run comes back with who confirmed what, when.
import { useCallback, useEffect, useState } from 'react';
import type { AssessmentRun } from '../../../shared/cooperations/assessment-views';
import type { CooperationSummary, IssuedLetter } from '../../../shared/cooperations/views';
import type { Program } from '../../../shared/rounds/views';
import type { ApiError } from '../../../shared/api/result';
import { api, type Api } from '../../api/client';
import { errorText } from '../../lib/errors';

export type Confirmation = Parameters<Api['assessments.confirm']>[0]['confirmations'][number];

export interface RunContext {
  run: AssessmentRun;
  program: Program | null;
  cooperations: Map<string, CooperationSummary>;
  letters: IssuedLetter[];
}

export function useRun(id: string) {
  const [data, setData] = useState<RunContext | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadLetters = useCallback(async () => {
    const letters = await api['letters.list']({ runId: id });
    if (letters.ok) setData((d) => (d ? { ...d, letters: letters.value } : d));
  }, [id]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const run = await api['assessments.get']({ id });
      if (!live) return;
      if (!run.ok) return setError(errorText(run.error));
      const [programs, cooperations, letters] = await Promise.all([api['programs.list']({}), api['cooperations.list']({ programId: run.value.programId }), api['letters.list']({ runId: id })]);
      if (!live) return;
      setData({
        run: run.value,
        program: programs.ok ? (programs.value.find((p) => p.id === run.value.programId) ?? null) : null,
        cooperations: new Map((cooperations.ok ? cooperations.value : []).map((c) => [c.id, c])),
        letters: letters.ok ? letters.value : [],
      });
    })();
    return () => void (live = false);
  }, [id]);

  /** Confirms in one transaction; returns the error (shown where the click was) or null. */
  const confirm = useCallback(
    async (confirmations: Confirmation[]): Promise<ApiError | null> => {
      const result = await api['assessments.confirm']({ runId: id, confirmations });
      if (!result.ok) return result.error;
      const cooperations = await api['cooperations.list']({ programId: result.value.programId });
      setData((d) => (d ? { ...d, run: result.value, cooperations: cooperations.ok ? new Map(cooperations.value.map((c) => [c.id, c])) : d.cooperations } : d));
      return null;
    },
    [id],
  );

  return { data, error, confirm, reloadLetters: loadLetters };
}
