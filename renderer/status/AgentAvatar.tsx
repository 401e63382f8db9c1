import { useEffect, useState } from 'react';
import { Avatar } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/domain.js';
import { invoke } from '../app/kefu.js';
import { dataUrlCache } from '../platform/dataUrlCache.js';

/** A picture never changes under its avatarId (a new one gets a new id): each is fetched once per session. */
const avatarDataUrl = dataUrlCache((avatarId) => invoke('avatars:get', { avatarId }));

/** The data URL of an avatar through the services; null while none, loading or unavailable. */
function useAvatarUrl(avatarId: string | null): string | null {
  const [loaded, setLoaded] = useState<{ id: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!avatarId) return;
    let live = true;
    void avatarDataUrl(avatarId).then((url) => live && setLoaded({ id: avatarId, url }));
    return () => {
      live = false;
    };
  }, [avatarId]);
  return avatarId && loaded?.id === avatarId ? loaded.url : null;
}

/**
 * 头像: the agent's picture, or the first character of the nickname (also while the picture loads
 * or when it cannot be had — offline). Named for screen readers either way.
 */
export function AgentAvatar({ agent, size = 24 }: { agent: Pick<Agent, 'nickname' | 'avatarId'>; size?: number }) {
  const { t } = useTranslation();
  const url = useAvatarUrl(agent.avatarId ?? null);
  const alt = t('avatar.alt', { name: agent.nickname });
  return url ? (
    <Avatar size={size} src={url} alt={alt} />
  ) : (
    // antd's Avatar takes no role: the letter is named by its wrapper, as the picture is by its alt.
    <span role="img" aria-label={alt} style={{ display: 'inline-flex' }}>
      <Avatar size={size}>{[...agent.nickname][0] ?? '?'}</Avatar>
    </span>
  );
}
