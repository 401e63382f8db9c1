import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMessagesStore } from './messagesStore.js';

/** 实时查看: what the visitor is typing before they send it — shown as plain text. */
export function LiveView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const draft = useMessagesStore((s) => s.drafts[conversationId] ?? '');
  return (
    <section className="kefu-liveview" aria-label={t('dialog.liveView')} aria-live="polite">
      <EyeOutlined /> <strong>{t('dialog.liveViewLabel')}</strong>
      {draft ? <span data-testid="live-draft">{draft}</span> : <span style={{ color: 'var(--kefu-text-muted)' }}>{t('dialog.liveViewEmpty')}</span>}
    </section>
  );
}
