import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalMessage } from '../../shared/ipc/contract.js';
import { MessageItem } from './MessageItem.js';

/**
 * The transcript; follows new messages unless the agent scrolled up to read. Memoised: it redraws
 * when its own messages change, not when anything else about the conversation does.
 */
export const MessageList = memo(function MessageList({ messages, onRetry }: { messages: readonly LocalMessage[]; onRetry?: (clientId: string) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);
  // Images load after the text and the panels below change height: keep following the bottom.
  useEffect(() => {
    const el = ref.current;
    const inner = content.current;
    if (!el || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    observer.observe(el); // the box itself shrinks when the live view or input grows
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="kefu-messages"
      role="log"
      aria-label={t('dialog.messages')}
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        // Only scrolling up lets go of the bottom: content that grew under our own scroll
        // (an image loading) must not count as the agent leaving it.
        const movedUp = el.scrollTop < lastTop.current - 1;
        lastTop.current = el.scrollTop;
        if (movedUp) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        else if (el.scrollHeight - el.scrollTop - el.clientHeight < 40) stick.current = true;
      }}
    >
      <div ref={content}>
        {messages.map((m) => (
          <MessageItem key={m.clientId} message={m} onRetry={onRetry} />
        ))}
      </div>
    </div>
  );
});
