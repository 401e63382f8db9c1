import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../shared/errors.js';

export interface Remote<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads what a screen shows and loads it again when `key` changes (filters) or reload() is called.
 * An answer that arrives after a newer request started is dropped, so a slow search cannot
 * overwrite the result of the one typed after it.
 */
export function useRemote<T>(load: () => Promise<Result<T>>, key: string): Remote<T> {
  const [state, setState] = useState<{ data: T | null; error: AppError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    void loadRef.current().then((result) => {
      if (request !== latest.current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : (previous) => ({ ...previous, error: result.error, loading: false }));
    });
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
