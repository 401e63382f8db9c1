import { useEffect } from 'react';
import { Empty, Modal, Spin } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useHistoryStore } from './historyStore.js';
import { MessageList } from '../dialog/MessageList.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** 历史对话栏: the current visitor's earlier conversations; a click opens a read-only transcript. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const { dateTime: when } = useTimeFormat();
  const conversation = useConversationsStore((s) => s.conversations.find((c) => c.id === s.selectedId));
  const { conversations, loading, transcriptOf, transcript, load, openTranscript, closeTranscript } = useHistoryStore();
  const visitorId = conversation?.visitorId;
  const currentId = conversation?.id;

  useEffect(() => {
    if (visitorId && currentId) void load(visitorId, currentId);
  }, [visitorId, currentId, load]);

  return (
    // A region, not an aside: it sits inside the helper panel, which is the complementary landmark.
    <section className="kefu-right" aria-label={t('history.title')}>
      <div className="kefu-panel-title">
        <HistoryOutlined /> {t('history.title')}
      </div>
      {!conversation ? null : loading ? (
        <div className="kefu-center" style={{ height: 80 }}>
          <Spin size="small" />
        </div>
      ) : conversations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {conversations.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="kefu-history-item"
                style={{ width: '100%', textAlign: 'left', border: 'none', background: 'none' }}
                onClick={() => void openTranscript(c)}
              >
                <div>
                  <strong>{c.roomNo}</strong> · {when(c.createdAt)}
                </div>
                <div style={{ color: 'var(--kefu-text-muted)' }}>
                  {c.agentName ?? '—'} · {c.endedAt ? t('history.ended', { time: when(c.endedAt) }) : t('history.open')}
                  {c.summary?.topicName ? ` · ${c.summary.topicName}` : ''}
                </div>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Modal
        open={transcriptOf !== null}
        title={transcriptOf ? t('history.transcript', { room: transcriptOf.roomNo }) : ''}
        onCancel={closeTranscript}
        footer={null}
        width={720}
        styles={{ body: { height: 460, display: 'flex', flexDirection: 'column' } }}
      >
        <MessageList messages={transcript} />
      </Modal>
    </section>
  );
}
