/**
 * Whether the page can reach the workstation services. In Electron they live in the same app and
 * never go away on their own; the browser shell's services run in another process that can stop
 * and come back (a restart, a crash), and then the page must say so and load afresh.
 */
export type TransportChange = 'lost' | 'restored';

const listeners = new Set<(change: TransportChange) => void>();

export function onTransportChange(listener: (change: TransportChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function transportChanged(change: TransportChange): void {
  for (const listener of listeners) listener(change);
}
