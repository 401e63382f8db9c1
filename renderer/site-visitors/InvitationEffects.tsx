import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSiteVisitorsStore } from './siteVisitorsStore.js';

/**
 * Says how a visitor answered an invitation sent from here (接受 / 拒绝 / 忽略), wherever the agent
 * is in the workstation: accepting opens a chat the agent should go to.
 */
export function InvitationEffects() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(
    () =>
      useSiteVisitorsStore.subscribe((state, before) => {
        const answer = state.lastAnswer;
        if (!answer || answer === before.lastAnswer || answer.state === 'pending') return;
        const name = state.visitors.get(answer.visitorId)?.nickname ?? state.invitedNames[answer.visitorId] ?? t('siteVisitors.someone');
        const text = t(`siteVisitors.answered.${answer.state}`, { name });
        if (answer.state === 'accepted') void message.success(text);
        else void message.info(text);
      }),
    [message, t],
  );
  return null;
}
