import { memo, useMemo } from 'react';
import { Button, Typography } from 'antd';
import { ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocalMessage } from '../../shared/ipc/contract.js';
import { assertNever } from '../../shared/errors.js';
import { splitLinks } from './messageLogic.js';
import { AttachmentFile, AttachmentImage } from './AttachmentView.js';
import { messageStyleProps } from '../phrases/messageStyle.js';
import { formatTime } from '../i18n/format-time.js';

/** Text as text (React escapes it); only http(s) URLs become links, opened without an opener. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function Body({ message }: { message: LocalMessage }) {
  switch (message.kind) {
    case 'text':
    case 'system':
      return <MessageText text={message.text} />;
    case 'image':
      return message.attachment ? <AttachmentImage attachment={message.attachment} /> : <MessageText text={message.text} />;
    case 'file':
      return message.attachment ? <AttachmentFile attachment={message.attachment} /> : <MessageText text={message.text} />;
    default:
      return assertNever(message.kind);
  }
}

/**
 * One message of the transcript. Memoised: a new message re-renders only itself, not every
 * message before it (the list's other items keep their props).
 */
export const MessageItem = memo(function MessageItem({ message, onRetry }: { message: LocalMessage; onRetry?: (clientId: string) => void }) {
  const { t, i18n } = useTranslation();
  const own = message.sender === 'agent';
  // In the UI's language (22:40:15 / 10:40:15 PM), once per message and language, not per render.
  const time = useMemo(() => formatTime(message.createdAt, 'time', i18n.language), [message.createdAt, i18n.language]);
  return (
    <div className={`kefu-msg ${message.sender}`} data-client-id={message.clientId} data-delivery={message.delivery}>
      {message.sender !== 'system' && (
        <div className="kefu-msg-meta">
          {message.senderName} · {time}
        </div>
      )}
      {/* 字体设置 travels with the agent's text message as a validated object, mapped to properties. */}
      <div className="kefu-bubble" style={message.kind === 'text' && message.sender === 'agent' ? messageStyleProps(message.style) : undefined}>
        <Body message={message} />
      </div>
      {own && message.delivery === 'sending' && (
        <div className="kefu-delivery" role="status">
          <LoadingOutlined /> {t('dialog.sending')}
        </div>
      )}
      {own && message.delivery === 'failed' && (
        <div className="kefu-delivery" role="alert">
          <ExclamationCircleFilled style={{ color: 'var(--kefu-danger)' }} />
          <Typography.Text type="danger" title={message.failure ?? undefined}>
            {t('dialog.failed')}
          </Typography.Text>
          {onRetry && (
            <Button size="small" type="link" onClick={() => onRetry(message.clientId)}>
              {t('dialog.retry')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
});
