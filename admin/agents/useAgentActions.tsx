import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import type { AdminAgent } from '../../shared/protocol/rest-admin.js';

/**
 * 停用 / 启用 / 删除 / 解锁 of one agent. Disabling and deleting ask first and say what follows;
 * a delete the server refuses because the account has history (CONFLICT) offers 停用 instead.
 */
export function useAgentActions(afterChange: () => void) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();

  const failed = (text: string) => void message.error(t('app.actionFailed', { message: text }));

  async function disableNow(agent: AdminAgent): Promise<void> {
    const result = await api.call('disableAgent', { params: { id: agent.id } });
    if (!result.ok) return failed(result.error.message);
    void message.success(t('agents.disabledDone', { account: agent.account }));
    afterChange();
  }

  function disable(agent: AdminAgent): void {
    modal.confirm({
      title: t('agents.disableTitle', { account: agent.account }),
      content: t('agents.disableBody'),
      okText: t('agents.disable'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => disableNow(agent),
    });
  }

  async function enable(agent: AdminAgent): Promise<void> {
    const result = await api.call('enableAgent', { params: { id: agent.id } });
    if (!result.ok) return failed(result.error.message);
    void message.success(t('agents.enabledDone', { account: agent.account }));
    afterChange();
  }

  async function deleteNow(agent: AdminAgent): Promise<void> {
    const result = await api.call('deleteAgent', { params: { id: agent.id } });
    if (result.ok) {
      void message.success(t('agents.deleted', { account: agent.account }));
      afterChange();
      return;
    }
    if (result.error.code !== 'CONFLICT') return failed(result.error.message);
    const title = t('agents.deleteRefused', { message: result.error.message });
    // Already disabled: nothing more to offer than the reason.
    if (agent.disabledAt !== null) {
      modal.error({ title, okText: t('app.ok') });
      return;
    }
    modal.confirm({
      title,
      content: t('agents.deleteSuggestDisable'),
      okText: t('agents.disableInstead'),
      cancelText: t('app.cancel'),
      onOk: () => disable(agent),
    });
  }

  function remove(agent: AdminAgent): void {
    modal.confirm({
      title: t('agents.deleteTitle', { account: agent.account }),
      content: t('agents.deleteBody'),
      okText: t('agents.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => deleteNow(agent),
    });
  }

  async function unlock(agent: AdminAgent): Promise<void> {
    const result = await api.call('liftLockout', { params: { id: agent.id } });
    if (!result.ok) return failed(result.error.message);
    void message.success(t('agents.unlocked', { account: agent.account }));
    afterChange();
  }

  return { disable, enable, remove, unlock };
}
