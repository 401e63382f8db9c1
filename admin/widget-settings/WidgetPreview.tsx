import { useTranslation } from 'react-i18next';
import { DEFAULT_WIDGET_SETTINGS, readableTextOn, REGISTRATION_FIELDS, widgetLogoPath, type WidgetSettings } from '../../shared/widget-settings.js';
import type { Group } from '../../shared/domain.js';
import { isHexColor } from './ColorField.js';
import type { WidgetForm } from './widget-form.js';

const FIELD_LABELS = { name: 'registrationName', phone: 'registrationPhone', email: 'registrationEmail' } as const;

/**
 * A small mock of the visitor's window and launcher with the form's values as they are typed: the
 * colours as the widget will compute them (the same shared functions), so the admin sees that
 * the text on their colour stays readable. Text only, nothing to operate.
 */
export function WidgetPreview({ values, logo, groups }: { values: Partial<WidgetForm> | undefined; logo: WidgetSettings['logo']; groups: Group[] }) {
  const { t } = useTranslation();
  const color = isHexColor(values?.themeColor) ? values!.themeColor!.toLowerCase() : DEFAULT_WIDGET_SETTINGS.themeColor;
  const onColor = readableTextOn(color);
  const registration = { ...DEFAULT_WIDGET_SETTINGS.registration, ...values?.registration };
  const menu = values?.groupMenu?.enabled ? (values.groupMenu.items ?? []) : [];
  const menuLabels = menu.flatMap((item) => {
    const group = groups.find((g) => g.id === item?.groupId);
    return group ? [item.label || group.name] : [];
  });
  const left = values?.position === 'bottom-left';
  return (
    <figure className="admin-widget-preview" aria-label={t('widget.previewLabel')} data-position={left ? 'bottom-left' : 'bottom-right'}>
      <figcaption className="admin-widget-preview-caption">{t('widget.preview')}</figcaption>
      <div className="admin-widget-preview-window" style={{ marginLeft: left ? 0 : 'auto' }}>
        <div className="admin-widget-preview-header" data-testid="preview-header" style={{ background: color, color: onColor }}>
          {logo && <img src={widgetLogoPath(logo.id)} alt="" className="admin-widget-preview-logo" />}
          <span>{values?.title || t('widget.previewDefaultTitle')}</span>
        </div>
        <div className="admin-widget-preview-body">
          <p className="admin-widget-preview-welcome">{values?.welcomeText || t('widget.previewDefaultWelcome')}</p>
          {menuLabels.length > 0 && (
            <div>
              <div>{t('widget.previewGroup')}</div>
              <ul>
                {menuLabels.map((label, index) => (
                  <li key={index}>○ {label}</li>
                ))}
              </ul>
            </div>
          )}
          {REGISTRATION_FIELDS.filter((field) => registration[field] !== 'off').map((field) => (
            <div key={field} className="admin-widget-preview-field">
              {t(`widget.fields.${FIELD_LABELS[field]}`)}
              {registration[field] === 'optional' ? t('widget.previewOptional') : ' *'}
            </div>
          ))}
          {registration.privacyNote && <p className="admin-widget-preview-note">{registration.privacyNote}</p>}
          <span className="admin-widget-preview-start" style={{ background: color, color: onColor }}>
            {t('widget.previewStart')}
          </span>
        </div>
      </div>
      <div className="admin-widget-preview-launcher-row" style={{ justifyContent: left ? 'flex-start' : 'flex-end' }}>
        <span className="admin-widget-preview-launcher" data-testid="preview-launcher" style={{ background: color, color: onColor }}>
          {t('widget.previewLauncher')}
        </span>
      </div>
    </figure>
  );
}
