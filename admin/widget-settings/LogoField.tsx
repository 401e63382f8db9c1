import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { fileBase64 } from '../forms/file-base64.js';
import { WIDGET_LIMITS, widgetLogoPath, type WidgetSettings } from '../../shared/widget-settings.js';
import type { Result } from '../../shared/errors.js';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const SIZE_KB = Math.floor(WIDGET_LIMITS.logoBytesMax / 1024);

/**
 * 标志: the logo now, 上传标志 and 移除标志 — each saved at once (not with the form's 保存), so the
 * preview and open widgets show what is stored. The server checks the bytes; this only spares a
 * pointless upload.
 */
export function LogoField({ logo, onSaved }: { logo: WidgetSettings['logo']; onSaved: (settings: WidgetSettings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function save(call: () => Promise<Result<WidgetSettings>>, done: string) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return void message.error(t('widget.logoFailed', { message: result.error.message }));
    void message.success(done);
    onSaved(result.value);
  }

  async function upload(file: File) {
    if (!IMAGE_TYPES.includes(file.type)) return void message.error(t('widget.logoNotImage'));
    if (file.size > WIDGET_LIMITS.logoBytesMax) return void message.error(t('widget.logoTooLarge', { size: SIZE_KB }));
    const dataBase64 = await fileBase64(file);
    await save(() => api.call('uploadWidgetLogo', { body: { name: file.name, dataBase64 } }), t('widget.logoUploaded'));
  }

  return (
    <div role="group" aria-label={t('widget.fields.logo')} style={{ marginBottom: 24 }}>
      <Typography.Text>{t('widget.fields.logo')}</Typography.Text>
      <Space align="center" style={{ display: 'flex', marginTop: 8 }} wrap>
        {logo ? (
          <img src={widgetLogoPath(logo.id)} alt={t('widget.logoPreview')} className="admin-widget-logo" />
        ) : (
          <Typography.Text type="secondary">{t('widget.logoNone')}</Typography.Text>
        )}
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
            {t('widget.logoUpload')}
          </Button>
        </Upload>
        {logo && (
          <Button
            icon={<DeleteOutlined />}
            disabled={busy}
            onClick={() => void save(() => api.call('updateWidgetSettings', { body: { logo: null } }), t('widget.logoRemoved'))}
          >
            {t('widget.logoRemove')}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t('widget.help.logo', { size: SIZE_KB })}
      </Typography.Text>
    </div>
  );
}
