import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';
import { takeEarly } from '../start/early-requests';

export type Loadable<T> =
  { state: 'loading' } | { state: 'failed'; error: AppError } | { state: 'ready'; value: T };

/**
 * Calls `load` whenever `key` changes and again on `reload()`. Until the answer for the current
 * key arrives the value reads as loading, so a page never shows another round's figures. The first
 * load of a key the app asked for as it started (start/early-requests.ts) takes that answer.
 */
export function useResult<T>(load: () => Promise<Result<T>>, key: string): [Loadable<T>, () => void] {
  const [answer, setAnswer] = useState<{ key: string; value: Loadable<T> } | null>(null);
  const [generation, setGeneration] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    let current = true;
    const early = generation === 0 ? takeEarly(key) : undefined;
    // The early answer is to the same channel and input as `load` (the key names both).
    const answer = early
      ? early.then((result) => (result as Result<T> | null) ?? latestLoad.current())
      : latestLoad.current();
    void answer.then((result) => {
      if (!current) return;
      setAnswer({
        key,
        value: result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [answer && answer.key === key ? answer.value : { state: 'loading' }, reload];
}
