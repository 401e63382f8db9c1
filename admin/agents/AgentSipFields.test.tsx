import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { AgentFormModal } from './AgentFormModal.js';
import { fail, ok } from '../../shared/errors.js';
import { useSessionStore } from '../session/sessionStore.js';

const signIn = (role: 'admin' | 'leader', groupId: string | null = null) =>
  useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'boss', role, groupId }));
beforeEach(() => signIn('admin'));
afterEach(cleanup);

const STORED = {
  enabled: true,
  wsServer: 'wss://pbx.kefu.test/ws',
  uri: 'sip:1001@kefu.test',
  authUser: '1001',
  displayName: '小王',
  iceServers: [{ urls: 'stun:stun.kefu.test:3478' }],
};
const sipView = ({ password: _p, ...rest }: { password?: string } & typeof STORED) => rest;

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function newAgent() {
  fill('账号', 'wang');
  fill('昵称', '王');
  fill('密码', 'Kefu-2026-secret');
}

describe('SIP 账号 in the 客服 form', () => {
  it('editing: shows the stored account without its password; saving an edit keeps the password and the ICE servers', async () => {
    const api = new FakeApi({
      getAgentSipSettings: () => ok(STORED),
      updateAgent: () => ok(adminAgent()),
      setSipSettings: ({ body }) => ok(sipView(body as typeof STORED)),
    });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal agent={adminAgent()} groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    await waitFor(() => expect((screen.getByLabelText('SIP 地址') as HTMLInputElement).value).toBe('sip:1001@kefu.test'));
    expect(api.callsOf('getAgentSipSettings')[0]?.options.params).toEqual({ id: 'a1' });
    expect(screen.getByText('留空则保留当前密码')).toBeTruthy();
    expect((screen.getByLabelText('SIP 密码') as HTMLInputElement).value).toBe('');
    fill('显示名称', '小王（总机）');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('setSipSettings')[0]?.options).toEqual({ params: { id: 'a1' }, body: { ...STORED, displayName: '小王（总机）' } });
  });

  it('creating: the SIP account is saved for the new agent, with its password', async () => {
    const api = new FakeApi({ createAgent: () => ok(adminAgent({ id: 'new-1', account: 'wang' })), setSipSettings: () => ok(sipView({ ...STORED })) });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    expect(screen.getByText('该客服首次登录时须修改此密码。')).toBeTruthy();
    newAgent();
    fill('SIP 服务器（WebSocket）', 'wss://pbx.kefu.test/ws');
    fill('SIP 地址', 'sip:2001@kefu.test');
    fill('SIP 密码', 'Sip-Mima-2001');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('getAgentSipSettings')).toHaveLength(0);
    expect(api.callsOf('setSipSettings')[0]?.options).toEqual({
      params: { id: 'new-1' },
      body: {
        enabled: true,
        wsServer: 'wss://pbx.kefu.test/ws',
        uri: 'sip:2001@kefu.test',
        authUser: '',
        displayName: '',
        password: 'Sip-Mima-2001',
        iceServers: [],
      },
    });
  });

  it.each([
    ['a new SIP account without its password', { 'SIP 服务器（WebSocket）': 'wss://pbx.kefu.test/ws', 'SIP 地址': 'sip:2001@kefu.test' }, '请输入 SIP 密码'],
    [
      'a SIP address that is not sip:user@domain',
      { 'SIP 服务器（WebSocket）': 'wss://pbx.kefu.test/ws', 'SIP 地址': '2001', 'SIP 密码': 'x' },
      '格式为 sip:用户@域名',
    ],
    [
      'a server that is not ws:// or wss://',
      { 'SIP 服务器（WebSocket）': 'http://pbx', 'SIP 地址': 'sip:2001@kefu.test', 'SIP 密码': 'x' },
      '以 ws:// 或 wss:// 开头',
    ],
    ['an address without its server', { 'SIP 地址': 'sip:2001@kefu.test', 'SIP 密码': 'x' }, '以 ws:// 或 wss:// 开头'],
  ])('sends nothing for %s', async (_, fields, message) => {
    const api = new FakeApi({ createAgent: () => ok(adminAgent()), setSipSettings: () => ok(sipView({ ...STORED })) });
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={() => undefined} />, api);
    newAgent();
    for (const [label, value] of Object.entries(fields)) fill(label, value);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(api.callsOf('createAgent')).toHaveLength(0);
    expect(api.callsOf('setSipSettings')).toHaveLength(0);
  });

  it('no SIP fields filled in: only the agent is saved; a refused SIP account is said after the agent is saved', async () => {
    const api = new FakeApi({ createAgent: () => ok(adminAgent({ id: 'new-1' })) });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    newAgent();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('setSipSettings')).toHaveLength(0);

    cleanup();
    const refusing = new FakeApi({
      getAgentSipSettings: () => ok(STORED),
      updateAgent: () => ok(adminAgent()),
      setSipSettings: () => fail('VALIDATION_FAILED', 'The request body is not valid'),
    });
    renderAdmin(<AgentFormModal agent={adminAgent()} groups={[group()]} onClose={() => undefined} onSaved={() => undefined} />, refusing);
    await waitFor(() => expect((screen.getByLabelText('SIP 地址') as HTMLInputElement).value).toBe('sip:1001@kefu.test'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('客服已保存，但 SIP 账号保存失败：The request body is not valid')).toBeTruthy();
  });

  it('a group leader sees no SIP section and reads nothing of it (the routes are admins’)', async () => {
    signIn('leader', 'g1');
    const api = new FakeApi({ updateAgent: () => ok(adminAgent()) });
    renderAdmin(<AgentFormModal agent={adminAgent({ groupId: 'g1' })} groups={[group()]} onClose={() => undefined} onSaved={() => undefined} />, api);
    await screen.findByLabelText('昵称');
    expect(screen.queryByLabelText('SIP 地址')).toBeNull();
    expect(api.callsOf('getAgentSipSettings')).toHaveLength(0);
  });
});
