import { useState } from 'react';
import { App, Button, Rate, Space, Tag } from 'antd';
import { LikeOutlined, PoweroffOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocalConversation } from '../../shared/ipc/contract.js';
import { invoke } from '../app/kefu.js';
import { useSummaryRequest } from './summaryStore.js';
import { TransferModal } from './TransferModal.js';
import { BlacklistVisitorButton } from './BlacklistVisitorButton.js';

/** Room, visitor and the conversation's actions: 转接, 推送评价, 加入黑名单 (when allowed), 结束对话. */
export function DialogHeader({ conversation: c, selfId }: { conversation: LocalConversation; selfId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ask = useSummaryRequest((s) => s.ask);
  const [transferring, setTransferring] = useState(false);
  const open = c.state === 'active';

  const pushEvaluation = async () => {
    const result = await invoke('conversations:push-evaluation', { conversationId: c.id });
    if (!result.ok) void message.error(result.error.message);
  };

  return (
    <header className="kefu-dialog-head">
      <span className={`kefu-dot${c.visitorOnline ? ' on' : ''}`} role="img" aria-label={c.visitorOnline ? t('visitors.online') : t('visitors.offline')} />
      <span className="kefu-room">{c.roomNo}</span>
      <span style={{ color: '#595959' }}>{c.visitorName}</span>
      {c.state === 'ended' && <Tag>{t('visitors.ended')}</Tag>}
      {c.evaluation && (
        <span title={c.evaluation.comment} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <Rate disabled value={c.evaluation.rating} style={{ fontSize: 14 }} aria-label={t('dialog.rating', { rating: c.evaluation.rating })} />
          {c.evaluation.comment && (
            <span className="kefu-clip" style={{ maxWidth: 160 }}>
              {c.evaluation.comment}
            </span>
          )}
        </span>
      )}
      <span className="kefu-spacer" />
      <Space size={8} wrap>
        <Button icon={<SwapOutlined />} disabled={!open} onClick={() => setTransferring(true)}>
          {t('dialog.transfer')}
        </Button>
        <Button icon={<LikeOutlined />} disabled={c.evaluationPushed || c.state === 'queued'} onClick={() => void pushEvaluation()}>
          {c.evaluationPushed ? t('dialog.evaluationPushed') : t('dialog.pushEvaluation')}
        </Button>
        <BlacklistVisitorButton conversationId={c.id} visitorName={c.visitorName} />
        <Button danger icon={<PoweroffOutlined />} onClick={() => ask(c.id)}>
          {t('dialog.close')}
        </Button>
      </Space>
      {transferring && <TransferModal conversationId={c.id} selfId={selfId} onClose={() => setTransferring(false)} />}
    </header>
  );
}
