import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { fileBase64 } from '../forms/file-base64.js';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import type { Agent } from '../../shared/domain.js';
import type { Result } from '../../shared/errors.js';
import { AgentAvatar } from './AgentAvatar.js';

/** The types the server takes (it checks the bytes; this only spares a pointless upload). */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const SIZE_KB = Math.floor(AVATAR_LIMITS.bytesMax / 1024);

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

function AvatarEditor({ agent, onChanged }: { agent: Agent; onChanged?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [avatarId, setAvatarId] = useState(agent.avatarId ?? null);
  const [busy, setBusy] = useState(false);

  async function save(call: () => Promise<Result<Agent>>, done: string) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return void message.error(t('agentProfile.avatar.failed', { message: result.error.message }));
    setAvatarId(result.value.avatarId ?? null);
    void message.success(done);
    onChanged?.();
  }

  async function upload(file: File) {
    if (!IMAGE_TYPES.includes(file.type)) return void message.error(t('agentProfile.avatar.notImage'));
    if (file.size > AVATAR_LIMITS.bytesMax) return void message.error(t('agentProfile.avatar.tooLarge', { size: SIZE_KB }));
    const dataBase64 = await fileBase64(file);
    await save(() => api.call('setAgentAvatar', { params: { id: agent.id }, body: { dataBase64 } }), t('agentProfile.avatar.uploaded'));
  }

  return (
    <div className="admin-avatar-field" role="group" aria-label={t('agentProfile.avatar.label')} style={{ marginBottom: 16 }}>
      <Typography.Text>{t('agentProfile.avatar.label')}</Typography.Text>
      <Space align="center" style={{ display: 'flex', marginTop: 8 }} wrap>
        <AgentAvatar agent={{ nickname: agent.nickname, avatarId }} size={48} />
        <Upload
          accept={IMAGE_TYPES.join(',')}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            // Sent by upload() through the typed client, never by the Upload control itself.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {t('agentProfile.avatar.upload')}
          </Button>
        </Upload>
        {avatarId && (
          <Button
            icon={<DeleteOutlined />}
            disabled={busy}
            onClick={() => void save(() => api.call('removeAgentAvatar', { params: { id: agent.id } }), t('agentProfile.avatar.removed'))}
          >
            {t('agentProfile.avatar.remove')}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t('agentProfile.avatar.help', { size: SIZE_KB })}
      </Typography.Text>
    </div>
  );
}
