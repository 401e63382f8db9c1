import { useEffect, useState } from 'react';
import { App, Form, Select } from 'antd';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';
import { invoke } from '../app/kefu.js';

interface Device {
  deviceId: string;
  label: string;
}

async function listDevices(kind: MediaDeviceKind): Promise<Device[]> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return all.filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

/** The chosen devices outlive the view: the media side keeps using them after the agent navigates away. */
export const useDeviceChoice = create<{ input: string | null; output: string | null }>()(() => ({ input: null, output: null }));

/** 麦克风 / 扬声器: the media side uses the chosen devices (phone:select-devices); null = system default. */
export function DeviceSelect() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [inputs, setInputs] = useState<Device[]>([]);
  const [outputs, setOutputs] = useState<Device[]>([]);
  const input = useDeviceChoice((s) => s.input);
  const output = useDeviceChoice((s) => s.output);

  useEffect(() => {
    const refresh = () => {
      void listDevices('audioinput').then(setInputs);
      void listDevices('audiooutput').then(setOutputs);
    };
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, []);

  const choose = async (next: { input: string | null; output: string | null }) => {
    useDeviceChoice.setState(next);
    const result = await invoke('phone:select-devices', { inputDeviceId: next.input, outputDeviceId: next.output });
    if (!result.ok) void message.error(result.error.message);
  };

  const options = (devices: Device[]) => [
    { value: '', label: t('phone.devices.default') },
    ...devices.map((d, i) => ({ value: d.deviceId, label: d.label || t('phone.devices.unnamed', { n: i + 1 }) })),
  ];

  return (
    <Form layout="vertical" size="small" aria-label={t('phone.devices.title')} className="kefu-devices">
      <Form.Item label={t('phone.devices.input')} style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('phone.devices.input')}
          value={input ?? ''}
          options={options(inputs)}
          onChange={(v: string) => void choose({ input: v || null, output })}
        />
      </Form.Item>
      <Form.Item label={t('phone.devices.output')} style={{ marginBottom: 0 }}>
        <Select
          aria-label={t('phone.devices.output')}
          value={output ?? ''}
          options={options(outputs)}
          onChange={(v: string) => void choose({ input, output: v || null })}
        />
      </Form.Item>
    </Form>
  );
}
