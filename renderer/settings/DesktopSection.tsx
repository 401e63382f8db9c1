import { useEffect, useState } from 'react';
import { App, Divider, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DesktopSettings } from '../../shared/ipc/desktop.js';
import { useDesktopStore, type DesktopSettingsPatch } from '../desktop/desktopStore.js';

type SwitchField = 'autoStart' | 'awayOnLock' | 'restorePreviousStatus' | 'screenshotHidesWindow';
const SWITCHES: readonly SwitchField[] = ['autoStart', 'awayOnLock', 'restorePreviousStatus', 'screenshotHidesWindow'];
const IDLE_MAX = 240;
const SHORTCUT_MAX = 64;

/**
 * 桌面: the desktop shell's own settings (desktop:get-state / desktop:update-settings). The
 * browser shell has no desktop, so the section stays visible but disabled with one line saying so.
 */
export function DesktopSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const state = useDesktopStore((s) => s.state);
  const unavailable = useDesktopStore((s) => s.unavailable);
  const settings: DesktopSettings | null = state?.settings ?? null;
  const disabled = unavailable || !settings;

  useEffect(() => {
    void useDesktopStore
      .getState()
      .load()
      .then((failure) => {
        if (failure) void message.error(failure.message);
      });
  }, [message]);

  const save = async (patch: DesktopSettingsPatch) => {
    const failure = await useDesktopStore.getState().update(patch);
    if (failure) void message.error(failure.message);
  };

  return (
    <section aria-label={t('desktop.section')}>
      <Divider titlePlacement="start">{t('desktop.section')}</Divider>
      {unavailable ? (
        <Typography.Paragraph type="secondary" data-testid="desktop-only">
          {t('desktop.onlyDesktop')}
        </Typography.Paragraph>
      ) : null}
      {SWITCHES.map((field) => (
        <Form.Item key={field} label={t(`desktop.${field}`)} htmlFor={`desktop-${field}`} style={{ marginBottom: 12 }}>
          <Switch
            id={`desktop-${field}`}
            aria-label={t(`desktop.${field}`)}
            checked={settings?.[field] ?? false}
            disabled={disabled || (field === 'restorePreviousStatus' && !settings?.awayOnLock)}
            onChange={(value) => void save({ [field]: value })}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('desktop.idleAwayMinutes')} htmlFor="desktop-idleAwayMinutes">
        <IdleMinutes value={settings?.idleAwayMinutes ?? 0} disabled={disabled} onSave={(idleAwayMinutes) => void save({ idleAwayMinutes })} />
      </Form.Item>
      <Form.Item label={t('desktop.screenshotShortcut')} htmlFor="desktop-screenshotShortcut">
        <ShortcutInput value={settings?.screenshotShortcut ?? ''} disabled={disabled} onSave={(screenshotShortcut) => void save({ screenshotShortcut })} />
      </Form.Item>
    </section>
  );
}

/** Saved on blur or Enter, not per keystroke: typing "15" must not pass through "1". */
function IdleMinutes({ value, disabled, onSave }: { value: number; disabled: boolean; onSave: (minutes: number) => void }) {
  const { t } = useTranslation();
  // undefined = not edited: shows the stored value. Copying the value into the draft in an effect
  // would leave a window (after the settings load, before the effect) where a blur saves a stale draft.
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  useEffect(() => setDraft(undefined), [value]);
  const commit = () => {
    if (draft === undefined) return;
    const next = Math.min(IDLE_MAX, Math.max(0, Math.round(draft ?? 0)));
    setDraft(next);
    if (next !== value) onSave(next);
  };
  return (
    <InputNumber
      id="desktop-idleAwayMinutes"
      aria-label={t('desktop.idleAwayMinutes')}
      min={0}
      max={IDLE_MAX}
      precision={0}
      value={draft === undefined ? value : draft}
      disabled={disabled}
      onChange={(next) => setDraft(next)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

function ShortcutInput({ value, disabled, onSave }: { value: string; disabled: boolean; onSave: (shortcut: string) => void }) {
  const { t } = useTranslation();
  // null = not edited (see IdleMinutes): a blur before any typing saves nothing.
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(next);
    if (next !== value) onSave(next);
  };
  return (
    <Input
      id="desktop-screenshotShortcut"
      aria-label={t('desktop.screenshotShortcut')}
      placeholder={t('desktop.screenshotShortcutPlaceholder')}
      maxLength={SHORTCUT_MAX}
      value={draft ?? value}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}
