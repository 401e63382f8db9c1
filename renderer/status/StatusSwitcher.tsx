import { App, Badge, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '../../shared/domain.js';
import { assertNever } from '../../shared/errors.js';
import { useSessionStore } from '../login/sessionStore.js';

export const STATUSES: readonly AgentStatus[] = ['online', 'busy', 'away'];

/** The badge colour agents know from the tray: green online, red busy, grey away. */
export function statusColor(status: AgentStatus): 'success' | 'error' | 'default' {
  switch (status) {
    case 'online':
      return 'success';
    case 'busy':
      return 'error';
    case 'away':
      return 'default';
    default:
      return assertNever(status);
  }
}

/** 我的状态: 在线 / 忙碌 / 离开. */
export function StatusSwitcher({ status }: { status: AgentStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useSessionStore((s) => s.setStatus);
  return (
    <Select<AgentStatus>
      aria-label={t('status.label')}
      value={status}
      style={{ width: 110 }}
      onChange={async (next) => {
        const failure = await setStatus(next);
        if (failure) void message.error(failure.message);
      }}
      options={STATUSES.map((s) => ({ value: s, label: <Badge status={statusColor(s)} text={t(`status.${s}`)} /> }))}
    />
  );
}
