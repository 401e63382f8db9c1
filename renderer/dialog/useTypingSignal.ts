import { useCallback, useEffect, useRef } from 'react';
import { invoke } from '../app/kefu.js';

const IDLE_MS = 3000;

/** Tells the visitor the agent is typing: one "true" when typing starts, "false" after a pause. */
export function useTypingSignal(conversationId: string): { typed(): void; stopped(): void } {
  const typing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const stopped = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!typing.current) return;
    typing.current = false;
    void invoke('conversations:set-typing', { conversationId, typing: false });
  }, [conversationId]);
  const typed = useCallback(() => {
    if (!typing.current) {
      typing.current = true;
      void invoke('conversations:set-typing', { conversationId, typing: true });
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(stopped, IDLE_MS);
  }, [conversationId, stopped]);
  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
