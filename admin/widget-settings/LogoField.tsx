import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { ImageUploadField, type ImageUploadKeys } from '../forms/ImageUploadField.js';
import { WIDGET_LIMITS, widgetLogoPath, type WidgetSettings } from '../../shared/widget-settings.js';

const KEYS: ImageUploadKeys = {
  label: 'widget.fields.logo',
  upload: 'widget.logoUpload',
  remove: 'widget.logoRemove',
  help: 'widget.help.logo',
  uploaded: 'widget.logoUploaded',
  removed: 'widget.logoRemoved',
  failed: 'widget.logoFailed',
  notImage: 'widget.logoNotImage',
  tooLarge: 'widget.logoTooLarge',
};

/**
 * 标志: the logo now, 上传标志 and 移除标志 — each saved at once (not with the form's 保存), so the
 * preview and open widgets show what is stored. The server checks the bytes; this only spares a
 * pointless upload.
 */
export function LogoField({ logo, onSaved }: { logo: WidgetSettings['logo']; onSaved: (settings: WidgetSettings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <ImageUploadField<WidgetSettings>
      keys={KEYS}
      bytesMax={WIDGET_LIMITS.logoBytesMax}
      style={{ marginBottom: 24 }}
      preview={
        logo ? (
          <img src={widgetLogoPath(logo.id)} alt={t('widget.logoPreview')} className="admin-widget-logo" />
        ) : (
          <Typography.Text type="secondary">{t('widget.logoNone')}</Typography.Text>
        )
      }
      upload={(file, dataBase64) => api.call('uploadWidgetLogo', { body: { name: file.name, dataBase64 } })}
      remove={logo ? () => api.call('updateWidgetSettings', { body: { logo: null } }) : null}
      onSaved={onSaved}
    />
  );
}
