import { useEffect } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from './messagesStore.js';
import { DialogHeader } from './DialogHeader.js';
import { MessageList } from './MessageList.js';
import { LiveView } from './LiveView.js';
import { MessageInput } from './MessageInput.js';
import type { LocalMessage } from '../../shared/ipc/contract.js';

const NONE: LocalMessage[] = [];

/** 对话栏: the open conversation's messages, live view and input. */
export function DialogPanel({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const conversation = useConversationsStore((s) => s.conversations.find((c) => c.id === s.selectedId));
  const messages = useMessagesStore((s) => (conversation ? (s.byConversation[conversation.id] ?? NONE) : NONE));
  const load = useMessagesStore((s) => s.load);
  const retry = useMessagesStore((s) => s.retry);
  const conversationId = conversation?.id;

  useEffect(() => {
    if (conversationId) void load(conversationId);
  }, [conversationId, load]);

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
      <MessageList messages={messages} onRetry={(clientId) => void retry(clientId)} />
      {open ? (
        <>
          <LiveView conversationId={conversation.id} />
          <MessageInput key={conversation.id} conversationId={conversation.id} />
        </>
      ) : (
        <div className="kefu-input" style={{ color: '#8c8c8c' }}>
          {t('dialog.readOnly')}
        </div>
      )}
    </section>
  );
}
