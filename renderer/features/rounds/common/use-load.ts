// Loads one API call's value for a view and reloads it on demand. A newer load wins over an older one that
// answers late (typing in a search, switching rounds), so a view never shows stale data after fresh data.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/api/result';
import { errorText } from '../../../lib/errors';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  // The caller names what the load depends on (deps), as with useCallback itself.
  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const result = await load();
    if (mine !== sequence.current) return;
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(errorText(result.error));
  }, deps);
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}
