import { useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { ImageUploadField, type ImageUploadKeys } from '../forms/ImageUploadField.js';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import type { Agent } from '../../shared/domain.js';
import { AgentAvatar } from './AgentAvatar.js';

/**
 * 头像 in the agent form: the picture now, 上传头像 (saved at once, not with the form's 保存) and
 * 移除头像. `onChanged` lets the list show the new picture. A new account (no `agent` yet) gets
 * its picture once it exists.
 */
export function AvatarField({ agent, onChanged }: { agent?: Agent; onChanged?: () => void }) {
  const { t } = useTranslation();
  if (!agent) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {t('agentProfile.avatar.afterCreate')}
      </Typography.Paragraph>
    );
  }
  return <AvatarEditor agent={agent} onChanged={onChanged} />;
}

const KEYS: ImageUploadKeys = {
  label: 'agentProfile.avatar.label',
  upload: 'agentProfile.avatar.upload',
  remove: 'agentProfile.avatar.remove',
  help: 'agentProfile.avatar.help',
  uploaded: 'agentProfile.avatar.uploaded',
  removed: 'agentProfile.avatar.removed',
  failed: 'agentProfile.avatar.failed',
  notImage: 'agentProfile.avatar.notImage',
  tooLarge: 'agentProfile.avatar.tooLarge',
};

function AvatarEditor({ agent, onChanged }: { agent: Agent; onChanged?: () => void }) {
  const api = useApi();
  const [avatarId, setAvatarId] = useState(agent.avatarId ?? null);
  return (
    <ImageUploadField<Agent>
      keys={KEYS}
      bytesMax={AVATAR_LIMITS.bytesMax}
      className="admin-avatar-field"
      style={{ marginBottom: 16 }}
      preview={<AgentAvatar agent={{ nickname: agent.nickname, avatarId }} size={48} />}
      upload={(_file, dataBase64) => api.call('setAgentAvatar', { params: { id: agent.id }, body: { dataBase64 } })}
      remove={avatarId ? () => api.call('removeAgentAvatar', { params: { id: agent.id } }) : null}
      onSaved={(saved) => {
        setAvatarId(saved.avatarId ?? null);
        onChanged?.();
      }}
    />
  );
}
