import '../testing/setupDom.js';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '../../shared/errors.js';
import { FakeKefu, type Handlers } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { DeviceSelect, useDeviceChoice } from './DeviceSelect.js';

/** A stand-in for navigator.mediaDevices: the devices a machine has, and its devicechange event. */
class FakeMediaDevices extends EventTarget {
  devices: Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label' | 'groupId'>[] = [
    { deviceId: 'default', kind: 'audioinput', label: '默认', groupId: 'g0' },
    { deviceId: 'mic-usb', kind: 'audioinput', label: 'USB 耳麦', groupId: 'g1' },
    { deviceId: 'mic-built-in', kind: 'audioinput', label: '内置麦克风', groupId: 'g2' },
    { deviceId: 'spk-usb', kind: 'audiooutput', label: 'USB 耳机', groupId: 'g1' },
    { deviceId: 'cam', kind: 'videoinput', label: '摄像头', groupId: 'g3' },
  ];
  async enumerateDevices() {
    return this.devices as MediaDeviceInfo[];
  }
}

let devices: FakeMediaDevices;
const original = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');

beforeEach(() => {
  devices = new FakeMediaDevices();
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
});

afterEach(() => {
  cleanup();
  provideKefu(null);
  useDeviceChoice.setState({ input: null, output: null });
  if (original) Object.defineProperty(navigator, 'mediaDevices', original);
  else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
});

function setup(selectDevices: NonNullable<Handlers['phone:select-devices']> = () => ok(null)) {
  const api = new FakeKefu({ 'phone:select-devices': selectDevices });
  provideKefu(api);
  renderWithApp(<DeviceSelect />);
  return api;
}

const form = () => screen.getByRole('form', { name: '音频设备' });
async function pick(label: '麦克风' | '扬声器', option: string) {
  fireEvent.mouseDown(within(form()).getByRole('combobox', { name: label }));
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no open dropdown');
    return open as HTMLElement;
  });
  fireEvent.click(await within(dropdown).findByText(option));
}

describe('audio devices (音频设备)', () => {
  it('lists microphones and speakers by name (not the "default" alias, not cameras) beside 系统默认', async () => {
    setup();
    fireEvent.mouseDown(within(form()).getByRole('combobox', { name: '麦克风' }));
    expect(await screen.findByText('USB 耳麦')).toBeTruthy();
    expect(screen.getByText('内置麦克风')).toBeTruthy();
    expect(screen.queryByText('默认')).toBeNull();
    expect(screen.queryByText('摄像头')).toBeNull();
    expect(screen.getAllByText('系统默认').length).toBeGreaterThan(0);
  });

  it('sends the chosen input and output to the media side, and keeps them when the view is shown again', async () => {
    const api = setup();
    await pick('麦克风', '内置麦克风');
    await waitFor(() => expect(api.callsTo('phone:select-devices')).toEqual([{ inputDeviceId: 'mic-built-in', outputDeviceId: null }]));
    await pick('扬声器', 'USB 耳机');
    await waitFor(() => expect(api.callsTo('phone:select-devices').at(-1)).toEqual({ inputDeviceId: 'mic-built-in', outputDeviceId: 'spk-usb' }));
    // Back to the system default.
    await pick('麦克风', '系统默认');
    await waitFor(() => expect(api.callsTo('phone:select-devices').at(-1)).toEqual({ inputDeviceId: null, outputDeviceId: 'spk-usb' }));

    cleanup();
    renderWithApp(<DeviceSelect />);
    const speaker = within(form()).getByText('扬声器').closest('.ant-form-item') as HTMLElement;
    expect(await within(speaker).findByText('USB 耳机')).toBeTruthy();
  });

  it('picks up a device plugged in later (devicechange)', async () => {
    setup();
    devices.devices.push({ deviceId: 'mic-new', kind: 'audioinput', label: '新耳麦', groupId: 'g4' });
    act(() => void devices.dispatchEvent(new Event('devicechange')));
    await pick('麦克风', '新耳麦');
  });

  it('shows the media side’s refusal', async () => {
    setup(() => fail('INTERNAL', '设备不可用'));
    await pick('麦克风', 'USB 耳麦');
    expect(await screen.findByText('设备不可用')).toBeTruthy();
  });
});
