import { useState } from 'react';
import { App, Button, Input, Popover, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { SITE_VISITOR_LIMITS, type SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { statusOf } from './siteVisitorLogic.js';
import { useSiteVisitorsStore } from './siteVisitorsStore.js';

/**
 * 邀请 on one row: a small popover for optional invitation words. Only a browsing visitor can be
 * invited; otherwise the button stays, disabled, and says why (tooltip and accessible name).
 */
export function InviteButton({ visitor, sending }: { visitor: SiteVisitor; sending: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const status = statusOf(visitor);
  const name = visitor.nickname;

  if (status !== 'browsing') {
    const reason = status === 'chatting' ? t('siteVisitors.invite.chattingReason') : t('siteVisitors.invite.invitedReason');
    return (
      <Tooltip title={reason}>
        <Button size="small" disabled aria-label={t(status === 'chatting' ? 'siteVisitors.invite.chatting' : 'siteVisitors.invite.invited', { name })}>
          {t('siteVisitors.invite.button')}
        </Button>
      </Tooltip>
    );
  }

  async function send() {
    const result = await useSiteVisitorsStore.getState().invite(visitor.visitorId, text.trim());
    if (!result.ok) {
      void message.error(t('siteVisitors.invite.failed', { message: result.error.message }));
      return;
    }
    setOpen(false);
    setText('');
    void message.success(t('siteVisitors.invite.sent', { name }));
  }

  const form = (
    <form
      style={{ width: 260 }}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Input.TextArea
        aria-label={t('siteVisitors.invite.text')}
        placeholder={t('siteVisitors.invite.placeholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={SITE_VISITOR_LIMITS.invitationTextMax}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
      <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }}>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('siteVisitors.invite.cancel')}
        </Button>
        <Button size="small" type="primary" htmlType="submit" loading={sending}>
          {t('siteVisitors.invite.send')}
        </Button>
      </Space>
    </form>
  );

  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={form} title={t('siteVisitors.invite.label', { name })} destroyOnHidden>
      <Button size="small" type="primary" ghost loading={sending} aria-label={t('siteVisitors.invite.label', { name })}>
        {t('siteVisitors.invite.button')}
      </Button>
    </Popover>
  );
}
