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

/**
 * 我的状态: 在线 / 忙碌 / 离开. The server may set 离开 itself because an offered conversation went
 * unanswered; the switcher then reads 未响应 (with a hint why) until the agent picks any status —
 * picking 离开 again included, hence onSelect rather than onChange.
 */
export function StatusSwitcher({ status, notResponding = false }: { status: AgentStatus; notResponding?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useSessionStore((s) => s.setStatus);
  const flagged = notResponding && status === 'away';
  return (
    <Select<AgentStatus>
      aria-label={flagged ? `${t('status.label')}：${t('status.notResponding')}` : t('status.label')}
      title={flagged ? t('status.notRespondingHint') : undefined}
      value={status}
      style={{ width: 110 }}
      labelRender={({ value }) =>
        flagged && value === 'away' ? (
          <Badge status="warning" text={t('status.notResponding')} />
        ) : (
          <Badge status={statusColor(value as AgentStatus)} text={t(`status.${value as AgentStatus}`)} />
        )
      }
      onSelect={async (next) => {
        if (next === status && !flagged) return;
        const failure = await setStatus(next);
        if (failure) void message.error(failure.message);
      }}
      options={STATUSES.map((s) => ({ value: s, label: <Badge status={statusColor(s)} text={t(`status.${s}`)} /> }))}
    />
  );
}
