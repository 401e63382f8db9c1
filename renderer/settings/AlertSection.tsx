import { useEffect, useState } from 'react';
import { App, Divider, Flex, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALERT_EVENTS, ALERT_REPEAT_SECONDS, type AlertEvent, type AlertEventSettings } from '../../shared/ipc/alerts.js';
import { useAlertStore } from '../alerts/alertStore.js';

type SwitchField = 'sound' | 'repeat' | 'notification' | 'flashTray';
const SWITCHES: readonly SwitchField[] = ['sound', 'repeat', 'notification', 'flashTray'];

/**
 * 提醒设置: per event (queued visitor, assigned conversation, message elsewhere) a sound, a repeat
 * until acted on, a system notification and the tray flash. Each change saves the whole object
 * (alert-settings:set), so the services and the tray follow at once.
 */
export function AlertSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useAlertStore((s) => s.settings);

  useEffect(() => {
    void useAlertStore.getState().loadSettings();
  }, []);

  const save = async (event: AlertEvent, patch: Partial<AlertEventSettings>) => {
    const current = useAlertStore.getState().settings;
    const failure = await useAlertStore.getState().saveSettings({ ...current, [event]: { ...current[event], ...patch } });
    if (failure) void message.error(t('alerts.saveFailed', { message: failure.message }));
  };

  return (
    <section aria-label={t('alerts.section')}>
      <Divider titlePlacement="start">{t('alerts.section')}</Divider>
      <Typography.Paragraph type="secondary">{t('alerts.hint')}</Typography.Paragraph>
      {ALERT_EVENTS.map((event) => {
        const eventName = t(`alerts.events.${event}`);
        const current = settings[event];
        const label = (field: string) => t('alerts.fieldOf', { event: eventName, field: t(`alerts.${field}`) });
        return (
          <fieldset key={event} data-testid={`alerts-${event}`} style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
            <Typography.Text strong>{eventName}</Typography.Text>
            <Flex wrap gap={12} align="center" style={{ marginTop: 4 }}>
              {SWITCHES.map((field) => (
                <label key={field} style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
                  <Switch
                    size="small"
                    aria-label={label(field)}
                    checked={current[field]}
                    disabled={field === 'repeat' && !current.sound}
                    onChange={(value) => void save(event, { [field]: value })}
                  />
                  {t(`alerts.${field}`)}
                </label>
              ))}
              <RepeatSeconds
                label={label('repeatSeconds')}
                value={current.repeatSeconds}
                disabled={!current.sound || !current.repeat}
                onSave={(repeatSeconds) => void save(event, { repeatSeconds })}
              />
            </Flex>
          </fieldset>
        );
      })}
    </section>
  );
}

/** Saved on blur or Enter, not per keystroke: typing "15" must not pass through "1". */
function RepeatSeconds({ label, value, disabled, onSave }: { label: string; value: number; disabled: boolean; onSave: (seconds: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const next = Math.min(ALERT_REPEAT_SECONDS.max, Math.max(ALERT_REPEAT_SECONDS.min, Math.round(draft ?? value)));
    setDraft(next);
    if (next !== value) onSave(next);
  };
  return (
    <InputNumber
      size="small"
      aria-label={label}
      min={ALERT_REPEAT_SECONDS.min}
      max={ALERT_REPEAT_SECONDS.max}
      precision={0}
      prefix={t('alerts.every')}
      suffix={t('alerts.secondsUnit')}
      value={draft}
      disabled={disabled}
      onChange={(next) => setDraft(next)}
      onBlur={commit}
      onPressEnter={commit}
      style={{ width: 112 }}
    />
  );
}
