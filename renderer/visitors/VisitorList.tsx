import { memo, useMemo, useRef } from 'react';
import { Empty, Select, Switch } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import type { LocalConversation } from '../../shared/ipc/contract.js';
import { useConversationsStore } from './conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useSummaryRequest } from '../dialog/summaryStore.js';
import { sortConversations, visibleConversations, visitorWaitingSince, type SortMode } from './conversationLogic.js';
import { VisitorRow } from './VisitorRow.js';
import { QueuePanel } from './QueuePanel.js';
import { useNow } from './useNow.js';
import { selectBehind, useConnectionStore } from '../connection/connectionStore.js';

const ROW_HEIGHT = 64;

/**
 * 访客列表 with 访客排序 and the 显示队列 toggle. Virtualised: an agent's list can grow long. Memoised
 * and reading only what it shows, so a change elsewhere (the queue, the header) does not redraw it.
 */
export const VisitorList = memo(function VisitorList() {
  const { t } = useTranslation();
  const now = useNow();
  const { conversations, selectedId, sortMode, showQueue, select, setSortMode, setShowQueue } = useConversationsStore(
    useShallow((s) => ({
      conversations: s.conversations,
      selectedId: s.selectedId,
      sortMode: s.sortMode,
      showQueue: s.showQueue,
      select: s.select,
      setSortMode: s.setSortMode,
      setShowQueue: s.setShowQueue,
    })),
  );
  const behind = useConnectionStore(selectBehind);
  const byConversation = useMessagesStore((s) => s.byConversation);
  const ask = useSummaryRequest((s) => s.ask);
  const scrollRef = useRef<HTMLDivElement>(null);

  const waitingOf = useMemo(() => {
    const cache = new Map<string, number | null>();
    return (c: LocalConversation) => {
      if (!cache.has(c.id)) cache.set(c.id, visitorWaitingSince(byConversation[c.id], c));
      return cache.get(c.id) ?? null;
    };
  }, [byConversation]);
  const rows = useMemo(() => sortConversations(visibleConversations(conversations), sortMode, waitingOf), [conversations, sortMode, waitingOf]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // The same sort and 显示队列 controls (a Select is costly to redraw) unless they change.
  const toolbar = useMemo(
    () => (
      <div className="kefu-visitor-toolbar">
        <Select<SortMode>
          size="small"
          aria-label={t('visitors.sort')}
          value={sortMode}
          onChange={setSortMode}
          style={{ width: 130 }}
          options={[
            { value: 'last-message', label: t('visitors.sortLastMessage') },
            { value: 'waiting', label: t('visitors.sortWaiting') },
            { value: 'room', label: t('visitors.sortRoom') },
          ]}
        />
        <label style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13 }}>
          <Switch size="small" checked={showQueue} onChange={setShowQueue} aria-label={t('visitors.showQueue')} />
          {t('visitors.showQueue')}
        </label>
      </div>
    ),
    [t, sortMode, showQueue, setSortMode, setShowQueue],
  );

  return (
    <section className="kefu-left" aria-label={t('visitors.title')}>
      <div className="kefu-panel-title">{t('visitors.title')}</div>
      {toolbar}
      <div className="kefu-visitor-scroll" ref={scrollRef}>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visitors.empty')} />
        ) : (
          // Only the rows in view are rendered; the list's height keeps the scroll bar true.
          <ul className="kefu-visitor-items" aria-label={t('visitors.title')} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const c = rows[item.index]!;
              return (
                <VisitorRow
                  key={c.id}
                  conversation={c}
                  waitingSince={waitingOf(c)}
                  now={now}
                  selected={c.id === selectedId}
                  behind={behind.includes(c.id)}
                  style={{ top: item.start, height: ROW_HEIGHT }}
                  onSelect={() => select(c.id)}
                  onClose={() => ask(c.id)}
                />
              );
            })}
          </ul>
        )}
      </div>
      {showQueue && <QueuePanel now={now} />}
    </section>
  );
});
