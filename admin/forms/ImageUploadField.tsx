import { useState, type CSSProperties, type ReactNode } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/errors.js';
import { fileBase64 } from './file-base64.js';

/** The types the server takes (it checks the bytes; this only spares a pointless upload). */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** The translation keys of one picture field's words ({{size}} in tooLarge and help is in KB; {{message}} in failed). */
export interface ImageUploadKeys {
  label: string;
  upload: string;
  remove: string;
  help: string;
  uploaded: string;
  removed: string;
  failed: string;
  notImage: string;
  tooLarge: string;
}

/**
 * A picture saved at once (not with the form's 保存): what it is now (`preview`), 上传 and — when
 * there is one (`remove`) — 移除. `onSaved` gets what the server stored.
 */
export function ImageUploadField<T>({
  keys,
  bytesMax,
  preview,
  upload,
  remove,
  onSaved,
  className,
  style,
}: {
  keys: ImageUploadKeys;
  bytesMax: number;
  preview: ReactNode;
  upload: (file: File, dataBase64: string) => Promise<Result<T>>;
  remove: (() => Promise<Result<T>>) | null;
  onSaved: (value: T) => void;
  className?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const sizeKb = Math.floor(bytesMax / 1024);

  async function save(call: () => Promise<Result<T>>, done: string) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return void message.error(t(keys.failed, { message: result.error.message }));
    void message.success(done);
    onSaved(result.value);
  }

  async function send(file: File) {
    if (!IMAGE_TYPES.includes(file.type)) return void message.error(t(keys.notImage));
    if (file.size > bytesMax) return void message.error(t(keys.tooLarge, { size: sizeKb }));
    const dataBase64 = await fileBase64(file);
    await save(() => upload(file, dataBase64), t(keys.uploaded));
  }

  return (
    <div className={className} role="group" aria-label={t(keys.label)} style={style}>
      <Typography.Text>{t(keys.label)}</Typography.Text>
      <Space align="center" style={{ display: 'flex', marginTop: 8 }} wrap>
        {preview}
        <Upload
          accept={IMAGE_TYPES.join(',')}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            // Sent by send() through the typed client, never by the Upload control itself.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {t(keys.upload)}
          </Button>
        </Upload>
        {remove && (
          <Button icon={<DeleteOutlined />} disabled={busy} onClick={() => void save(remove, t(keys.removed))}>
            {t(keys.remove)}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t(keys.help, { size: sizeKb })}
      </Typography.Text>
    </div>
  );
}
