import { memo, useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { LocalMessage } from '../../shared/ipc/contract.js';
import { MessageItem } from './MessageItem.js';

/**
 * From this many messages on, only the ones in view (and a few around them) are in the DOM. A
 * catch-up can bring thousands to the open conversation; each one in the DOM made every later
 * update lay out all of them (following the bottom reads scrollHeight) and held the page for
 * hundreds of ms. Below it every message is rendered, which costs nothing and keeps the
 * browser's find-in-page working on a normal conversation.
 */
export const VIRTUAL_FROM = 150;
/** A one-line message with its meta line; measured heights replace it as rows are drawn. */
const ESTIMATED_ROW_HEIGHT = 64;

type OnRetry = (clientId: string) => void;

/**
 * The transcript; follows new messages unless the agent scrolled up to read. Memoised: it redraws
 * when its own messages change, not when anything else about the conversation does.
 */
export const MessageList = memo(function MessageList({ messages, onRetry }: { messages: readonly LocalMessage[]; onRetry?: OnRetry }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  // Mirrors `stick` for what is drawn: a long transcript mounts rows as the agent scrolls through
  // history, and a live region would read each of them out as if it had just arrived.
  const [following, setFollowing] = useState(true);
  const lastTop = useRef(0);
  const content = useRef<HTMLDivElement>(null);
  const followBottom = useCallback(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, []);
  useEffect(followBottom, [messages, followBottom]);
  const virtual = messages.length >= VIRTUAL_FROM;
  // Images load after the text, long transcripts' rows get measured (the rows' box grows) and the
  // panels below change height: keep following the bottom.
  useEffect(() => {
    const el = ref.current;
    const inner = content.current;
    if (!el || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(followBottom);
    observer.observe(inner);
    observer.observe(el); // the box itself shrinks when the live view or input grows
    return () => observer.disconnect();
  }, [followBottom, virtual]);
  return (
    <div
      ref={ref}
      className="kefu-messages"
      role="log"
      aria-label={t('dialog.messages')}
      // A long transcript scrolls and holds nothing focusable: reachable with Tab, it scrolls with the keys.
      tabIndex={0}
      aria-live={virtual && !following ? 'off' : 'polite'}
      onScroll={(e) => {
        const el = e.currentTarget;
        // Only scrolling up lets go of the bottom: content that grew under our own scroll
        // (an image loading) must not count as the agent leaving it.
        const movedUp = el.scrollTop < lastTop.current - 1;
        lastTop.current = el.scrollTop;
        if (movedUp) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        else if (el.scrollHeight - el.scrollTop - el.clientHeight < 40) stick.current = true;
        if (stick.current !== following) setFollowing(stick.current);
      }}
    >
      {virtual ? (
        <VirtualRows messages={messages} onRetry={onRetry} scrollRef={ref} contentRef={content} />
      ) : (
        <div ref={content}>
          {messages.map((m) => (
            <MessageItem key={m.clientId} message={m} onRetry={onRetry} />
          ))}
        </div>
      )}
    </div>
  );
});

/**
 * A long transcript the way the visitor list does it (@tanstack/react-virtual): a box as tall as
 * all rows keeps the scroll bar true, and only the rows in view are rendered, each measured once
 * drawn (messages differ in height). Rows are keyed by clientId, so a measured row keeps its
 * height when messages are merged before it.
 */
function VirtualRows({
  messages,
  onRetry,
  scrollRef,
  contentRef,
}: {
  messages: readonly LocalMessage[];
  onRetry?: OnRetry;
  scrollRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
}): ReactNode {
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => messages[index]!.clientId,
    overscan: 8,
    // Opened at the bottom (the newest messages), as the full list is.
    initialOffset: () => Number.MAX_SAFE_INTEGER,
  });
  return (
    <div ref={contentRef} className="kefu-msg-rows" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const m = messages[item.index]!;
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="kefu-msg-row"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <MessageItem message={m} onRetry={onRetry} />
          </div>
        );
      })}
    </div>
  );
}
