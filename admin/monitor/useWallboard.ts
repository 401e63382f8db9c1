import { useEffect, useState } from 'react';
import type { Wallboard } from '../../shared/protocol/rest-monitor.js';
import type { AppError } from '../../shared/errors.js';
import { useApi } from '../api/ApiContext.js';
import { useSessionStore } from '../session/sessionStore.js';
import type { ConnectWallboard } from './wallboard-socket.js';

/** Boards by group id ('' = the company total). */
export type Boards = ReadonlyMap<string, Wallboard>;
export const keyOf = (groupId: string | null): string => groupId ?? '';

/** The boards the console user may see: once over REST for the first paint, then as the server pushes them. */
export function useWallboard(connect: ConnectWallboard): { boards: Boards; live: boolean; error: AppError | null } {
  const api = useApi();
  const token = useSessionStore((s) => s.token);
  const [boards, setBoards] = useState<Boards>(new Map());
  const [live, setLive] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let cancelled = false;
    const put = (board: Wallboard) => setBoards((previous) => new Map(previous).set(keyOf(board.groupId), board));
    void api.call('wallboard').then((result) => {
      if (cancelled) return;
      if (!result.ok) return setError(result.error);
      // A pushed board may have come first: it is newer than this answer.
      setBoards((previous) => {
        const next = new Map(result.value.map((b) => [keyOf(b.groupId), b]));
        for (const [key, board] of previous) next.set(key, board);
        return next;
      });
    });
    const close = token ? connect(token, { board: put, connected: setLive }) : () => undefined;
    return () => {
      cancelled = true;
      close();
    };
  }, [api, token, connect]);

  return { boards, live, error };
}
