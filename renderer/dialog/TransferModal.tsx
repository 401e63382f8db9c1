import { useEffect, useState, type ReactNode } from 'react';
import { App, Badge, Form, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent, Group } from '../../shared/domain.js';
import { invoke } from '../app/kefu.js';
import { statusColor } from '../status/StatusSwitcher.js';
import { AgentAvatar } from '../status/AgentAvatar.js';

type Target = 'agent' | 'group';
type TargetOption = { value: string; search: string; label: ReactNode };

/** Groups come from groups:list; if that fails, the ids the agents carry still allow a transfer. */
export function groupsFromAgents(agents: readonly Agent[]): Group[] {
  const ids = [...new Set(agents.map((a) => a.groupId).filter((id): id is string => id !== null))];
  return ids.map((id) => ({ id, name: id }));
}

/** 转接: to another agent (status and load shown; busy agents still receive transfers) or a group. */
export function TransferModal({ conversationId, selfId, onClose }: { conversationId: string; selfId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<Target>('agent');
  const [agents, setAgents] = useState<Agent[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([invoke('agents:list', undefined), invoke('groups:list', undefined)]).then(([a, g]) => {
      if (!live) return;
      const list = a.ok ? a.value : [];
      setAgents(list.filter((agent) => agent.id !== selfId));
      setGroups(g.ok ? g.value : groupsFromAgents(list));
      if (!a.ok) void message.error(a.error.message);
    });
    return () => {
      live = false;
    };
  }, [selfId, message]);

  const options: TargetOption[] =
    target === 'agent'
      ? agents.map((agent) => ({
          value: agent.id,
          search: `${agent.nickname} ${agent.account}`,
          label: (
            <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <AgentAvatar agent={agent} size={20} />
                <Badge status={statusColor(agent.status)} text={`${agent.nickname}（${t(`status.${agent.status}`)}）`} />
              </span>
              <span style={{ color: 'var(--kefu-text-muted)' }}>{t('transfer.load', { load: agent.load, max: agent.maxConcurrent })}</span>
            </span>
          ),
        }))
      : groups.map((group) => ({ value: group.id, search: group.name, label: group.name }));

  const submit = async () => {
    if (!chosen) {
      void message.warning(t('transfer.required'));
      return;
    }
    setBusy(true);
    const result = await invoke('conversations:transfer', target === 'agent' ? { conversationId, toAgentId: chosen } : { conversationId, toGroupId: chosen });
    setBusy(false);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    void message.success(t('transfer.done'));
    onClose();
  };

  return (
    <Modal
      open
      title={t('transfer.title')}
      okText={t('transfer.submit')}
      cancelText={t('transfer.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !chosen }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group
            aria-label={t('transfer.title')}
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as Target);
              setChosen(undefined);
            }}
            optionType="button"
            options={[
              { value: 'agent', label: t('transfer.toAgent') },
              { value: 'group', label: t('transfer.toGroup') },
            ]}
          />
        </Form.Item>
        <Form.Item label={target === 'agent' ? t('transfer.chooseAgent') : t('transfer.chooseGroup')} htmlFor="transfer-target">
          <Select
            id="transfer-target"
            aria-label={target === 'agent' ? t('transfer.chooseAgent') : t('transfer.chooseGroup')}
            value={chosen}
            onChange={setChosen}
            showSearch={{ optionFilterProp: 'search' }}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
