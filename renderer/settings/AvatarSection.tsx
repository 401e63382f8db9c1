import { useState } from 'react';
import { App, Button, Form, Space, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import type { Result } from '../../shared/errors.js';
import { IMAGE_MIME_TYPES } from '../../shared/limits.js';
import type { Agent } from '../../shared/domain.js';
import { invoke } from '../app/kefu.js';
import { readFileAsBase64 } from '../dialog/readFile.js';
import { useSessionStore } from '../login/sessionStore.js';
import { AgentAvatar } from '../status/AgentAvatar.js';

const SIZE_KB = Math.floor(AVATAR_LIMITS.bytesMax / 1024);

/**
 * 我的头像: the agent's own picture, set (上传/更换) or removed through the services. The server
 * checks the bytes and the size and answers the agent as now, which the session and the header
 * take at once (agent:updated); the checks here only spare a pointless upload.
 */
export function AvatarSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agent = useSessionStore((s) => s.snapshot?.agent);
  const [busy, setBusy] = useState(false);
  if (!agent) return null;

  async function save(call: () => Promise<Result<Agent>>, done: string) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (result.ok) void message.success(done);
    else void message.error(t('avatar.failed', { message: result.error.message }));
  }

  async function send(file: File) {
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(file.type)) return void message.error(t('avatar.notImage'));
    if (file.size > AVATAR_LIMITS.bytesMax) return void message.error(t('avatar.tooBig', { kb: SIZE_KB }));
    const dataBase64 = await readFileAsBase64(file);
    await save(() => invoke('avatars:set-mine', { dataBase64 }), t('avatar.saved'));
  }

  return (
    <Form.Item label={t('avatar.mine')} extra={t('avatar.hint', { kb: SIZE_KB })}>
      <Space align="center" wrap>
        <AgentAvatar agent={agent} size={48} />
        <Upload
          accept={IMAGE_MIME_TYPES.join(',')}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            // Sent by send() through the services, never by the Upload control itself.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {agent.avatarId ? t('avatar.change') : t('avatar.upload')}
          </Button>
        </Upload>
        {agent.avatarId && (
          <Button icon={<DeleteOutlined />} disabled={busy} onClick={() => void save(() => invoke('avatars:remove-mine', undefined), t('avatar.removed'))}>
            {t('avatar.remove')}
          </Button>
        )}
      </Space>
    </Form.Item>
  );
}
