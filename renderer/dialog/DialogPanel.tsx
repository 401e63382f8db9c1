import { memo, useCallback, useEffect, useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from './messagesStore.js';
import { DialogHeader } from './DialogHeader.js';
import { MessageList } from './MessageList.js';
import { LiveView } from './LiveView.js';
import { MessageInput } from './MessageInput.js';
import { WhisperPanel } from './WhisperPanel.js';
import { useTakeOverNotice } from './useTakeOverNotice.js';
import type { LocalMessage } from '../../shared/ipc/contract.js';

const NONE: LocalMessage[] = [];

/**
 * 对话栏: the open conversation's messages, live view and input. Memoised and reading only the open
 * conversation, so events about other conversations (a catch-up brings thousands) leave it alone.
 */
export const DialogPanel = memo(function DialogPanel({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const conversation = useConversationsStore((s) => s.conversations.find((c) => c.id === s.selectedId));
  const messages = useMessagesStore((s) => (conversation ? (s.byConversation[conversation.id] ?? NONE) : NONE));
  const load = useMessagesStore((s) => s.load);
  const retry = useMessagesStore((s) => s.retry);
  const conversationId = conversation?.id;
  // Stable, so the memoised transcript is not redrawn for a new callback.
  const onRetry = useCallback((clientId: string) => void retry(clientId), [retry]);
  // The live view and the input depend on the conversation's id only: the same elements while it
  // stays open, so its unread count or last message time changing does not redraw them.
  const composer = useMemo(
    () =>
      conversationId ? (
        <>
          <LiveView conversationId={conversationId} />
          <MessageInput key={conversationId} conversationId={conversationId} />
        </>
      ) : null,
    [conversationId],
  );

  useEffect(() => {
    if (conversationId) void load(conversationId);
  }, [conversationId, load]);
  useTakeOverNotice();

  if (!conversation) {
    return (
      <section className="kefu-main kefu-center" aria-label={t('dialog.messages')}>
        <Empty description={t('dialog.noConversation')} />
      </section>
    );
  }
  const open = conversation.state === 'active';
  return (
    <section className="kefu-main" aria-label={`${t('dialog.messages')} ${conversation.roomNo}`}>
      <DialogHeader conversation={conversation} selfId={selfId} />
      {/* Keyed by conversation: each one opens at its newest message, whatever was scrolled in the last. */}
      <MessageList key={conversation.id} messages={messages} onRetry={onRetry} />
      <WhisperPanel key={`whispers-${conversation.id}`} conversationId={conversation.id} canAnswer={open} />
      {open ? (
        composer
      ) : (
        <div className="kefu-input" style={{ color: 'var(--kefu-text-muted)' }}>
          {t('dialog.readOnly')}
        </div>
      )}
    </section>
  );
});
