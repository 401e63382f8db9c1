import { App, Form, Modal, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkstationSettings } from '../../shared/ipc/contract.js';
import { useSessionStore } from '../login/sessionStore.js';
import { DesktopSection } from './DesktopSection.js';
import { AlertSection } from './AlertSection.js';
import { LogExportSection } from './LogExportSection.js';
import { UpdateSection } from './UpdateSection.js';
import { AvatarSection } from './AvatarSection.js';

/** 我的头像, language, send key, sound, 提醒设置, 桌面 and 导出日志; each change is saved at once (settings:update / desktop:update-settings). */
export function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSessionStore((s) => s.snapshot?.settings);
  const updateSettings = useSessionStore((s) => s.updateSettings);
  if (!settings) return null;

  const save = async (patch: Partial<Omit<WorkstationSettings, 'serverUrl'>>) => {
    const failure = await updateSettings(patch);
    if (failure) void message.error(failure.message);
  };

  return (
    <Modal open={open} title={t('settings.title')} onCancel={onClose} footer={null}>
      <Form layout="vertical">
        <AvatarSection />
        <Form.Item label={t('settings.language')}>
          <Radio.Group
            aria-label={t('settings.language')}
            value={settings.language}
            onChange={(e) => void save({ language: e.target.value as WorkstationSettings['language'] })}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.sendKey')}>
          <Radio.Group
            aria-label={t('settings.sendKey')}
            value={settings.sendKey}
            onChange={(e) => void save({ sendKey: e.target.value as WorkstationSettings['sendKey'] })}
            options={[
              { value: 'enter', label: t('settings.sendKeyEnter') },
              { value: 'ctrl-enter', label: t('settings.sendKeyCtrlEnter') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.sound')} htmlFor="settings-sound">
          <Switch
            id="settings-sound"
            aria-label={t('settings.sound')}
            checked={settings.soundEnabled}
            onChange={(soundEnabled) => void save({ soundEnabled })}
          />
        </Form.Item>
        <AlertSection />
        <DesktopSection />
        <LogExportSection />
        <UpdateSection />
      </Form>
    </Modal>
  );
}
