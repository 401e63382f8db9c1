import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { AgentFormModal } from './AgentFormModal.js';
import { fail, ok } from '../../shared/errors.js';
import { useSessionStore } from '../session/sessionStore.js';

// The console user filling the form: an admin, unless a test signs in a group leader.
const signIn = (role: 'admin' | 'leader', groupId: string | null = null) =>
  useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'boss', role, groupId }));
beforeEach(() => signIn('admin'));
afterEach(cleanup);

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('AgentFormModal', () => {
  it("新建客服: shows the server's refusal and puts its field details beside the fields", async () => {
    const api = new FakeApi({
      createAgent: () => fail('VALIDATION_FAILED', 'Invalid request body', { 'body.nickname': 'must contain visible characters' }),
    });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    expect(screen.getByText('至少 8 个字符')).toBeTruthy();
    fill('账号', 'wang');
    fill('昵称', '王');
    fill('密码', 'Kefu-2026-secret');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect((await screen.findByRole('alert')).textContent).toContain('保存失败：Invalid request body');
    expect(await screen.findByText('must contain visible characters')).toBeTruthy();
    expect(api.callsOf('createAgent')[0]?.options.body).toEqual({
      account: 'wang',
      nickname: '王',
      password: 'Kefu-2026-secret',
      role: 'agent',
      groupId: null,
      maxConcurrent: 5,
    });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('a group leader adds agents to their own group: no role to give, no group outside theirs', async () => {
    signIn('leader', 'g1');
    const api = new FakeApi({ createAgent: () => ok(adminAgent({ account: 'wang' })) });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    expect(screen.queryByLabelText('角色')).toBeNull();
    fill('账号', 'wang');
    fill('昵称', '王');
    fill('密码', 'Kefu-2026-secret');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('createAgent')[0]?.options.body).toMatchObject({ role: 'agent', groupId: 'g1' });
  });

  it('an admin changing a role sends it, and only then', async () => {
    const api = new FakeApi({ updateAgent: () => ok(adminAgent({ role: 'leader' })) });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal agent={adminAgent({ groupId: 'g1' })} groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    expect(screen.getByText('修改角色后，该账号的所有登录会结束，需重新登录。')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('角色'));
    fireEvent.click(await screen.findByTitle('组长'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('updateAgent')[0]?.options.body).toMatchObject({ role: 'leader' });
  });

  it('checks the password policy before sending: the same rules, in Chinese', async () => {
    const api = new FakeApi();
    renderAdmin(<AgentFormModal groups={[]} onClose={() => undefined} onSaved={() => undefined} />, api);
    fill('账号', 'wang');
    fill('昵称', '王');
    fill('密码', 'password');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getAllByText('不能是常见密码（如 12345678、password）').length).toBeGreaterThan(1));
    expect(api.calls).toHaveLength(0);
  });

  it('编辑: sends only nickname, group and 最大接线量 when the password is left empty', async () => {
    const api = new FakeApi({ updateAgent: () => ok(agent({ nickname: '王二' })) });
    const onSaved = vi.fn();
    renderAdmin(<AgentFormModal agent={adminAgent({ groupId: 'g1' })} groups={[group()]} onClose={() => undefined} onSaved={onSaved} />, api);
    expect((screen.getByLabelText('账号') as HTMLInputElement).disabled).toBe(true);
    fill('昵称', '王二');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('updateAgent')[0]?.options).toEqual({ params: { id: 'a1' }, body: { nickname: '王二', groupId: 'g1', maxConcurrent: 5 } });
  });
});
