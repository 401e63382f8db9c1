import { App, Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConversationsStore } from './conversationsStore.js';
import { formatDuration } from './formatDuration.js';

/** 访客队列: visitors waiting for a free agent, each with 接收对话 to take them by hand. */
export function QueuePanel({ now }: { now: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queue = useConversationsStore((s) => s.queue);
  const accept = useConversationsStore((s) => s.accept);
  const sorted = queue.slice().sort((a, b) => a.position - b.position);
  return (
    <section className="kefu-queue" aria-label={t('visitors.queue')}>
      <div className="kefu-panel-title">
        {t('visitors.queue')} ({queue.length})
      </div>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visitors.queueEmpty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {sorted.map((entry) => (
            <li key={entry.conversationId} className="kefu-queue-row">
              <div className="kefu-visitor-text">
                <div>
                  <strong>{entry.roomNo}</strong> · {t('visitors.position', { position: entry.position })}
                </div>
                <div style={{ color: 'var(--kefu-text-muted)', fontSize: 12 }}>
                  {entry.visitorName} · {t('visitors.waiting', { time: formatDuration(t, now - entry.waitingSince) })}
                </div>
              </div>
              <Button
                size="small"
                type="primary"
                aria-label={`${t('visitors.accept')} ${entry.roomNo}`}
                onClick={async () => {
                  const failure = await accept(entry.conversationId);
                  if (failure) void message.error(failure.message);
                }}
              >
                {t('visitors.accept')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
