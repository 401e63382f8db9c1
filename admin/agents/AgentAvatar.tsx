import { Avatar } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/domain.js';
import { avatarPath } from '../../shared/protocol/rest-avatars.js';

/** 头像: the agent's picture (served by the console's own origin), or the first character of the nickname. */
export function AgentAvatar({ agent, size = 32 }: { agent: Pick<Agent, 'nickname' | 'avatarId'>; size?: number }) {
  const { t } = useTranslation();
  const alt = t('agentProfile.avatar.alt', { name: agent.nickname });
  return agent.avatarId ? (
    <Avatar size={size} src={avatarPath(agent.avatarId)} alt={alt} />
  ) : (
    // antd's Avatar takes no role: the letter is named by its wrapper, as the picture is by its alt.
    <span role="img" aria-label={alt}>
      <Avatar size={size}>{[...agent.nickname][0] ?? '?'}</Avatar>
    </span>
  );
}
