import { startTransition, useEffect, useState } from 'react';

/**
 * False for the first commit, true right after it, in a transition: what the agent does not need
 * first (the helper panel, hidden modals) mounts after the visitor list and the dialog are on
 * screen, and never holds them back. A restart shows the conversations sooner this way.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready;
}
