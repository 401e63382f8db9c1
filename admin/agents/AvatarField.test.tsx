import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { useSessionStore } from '../session/sessionStore.js';
import { AgentFormModal } from './AgentFormModal.js';
import { fail, ok } from '../../shared/errors.js';
import { AVATAR_LIMITS } from '../../shared/avatars.js';

beforeEach(() => useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'boss', role: 'admin' })));
afterEach(cleanup);

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

const editing = (api: FakeApi, onAvatarChanged = vi.fn()) => {
  renderAdmin(
    <AgentFormModal
      agent={adminAgent({ avatarId: 'av-1' })}
      groups={[group()]}
      onClose={() => undefined}
      onSaved={() => undefined}
      onAvatarChanged={onAvatarChanged}
    />,
    api,
  );
  return onAvatarChanged;
};

describe('the avatar in the agent form', () => {
  it('uploads a chosen picture at once, shows it, and tells the list', async () => {
    const api = new FakeApi({ setAgentAvatar: () => ok(adminAgent({ avatarId: 'av-2' })) });
    const onAvatarChanged = editing(api);
    const group = screen.getByRole('group', { name: '头像' });
    expect(group.querySelector('img')?.getAttribute('src')).toBe('/api/avatars/av-1');

    choose(new File([PNG], 'me.png', { type: 'image/png' }));
    await waitFor(() => expect(api.callsOf('setAgentAvatar')).toHaveLength(1));
    expect(api.callsOf('setAgentAvatar')[0]!.options).toEqual({ params: { id: 'a1' }, body: { dataBase64: btoa(String.fromCharCode(...PNG)) } });
    expect(await screen.findByText('头像已更新')).toBeTruthy();
    await waitFor(() => expect(group.querySelector('img')?.getAttribute('src')).toBe('/api/avatars/av-2'));
    expect(onAvatarChanged).toHaveBeenCalledTimes(1);
  });

  it("refuses what is no picture or too big before sending, shows the server's refusal, and removes", async () => {
    const api = new FakeApi({
      setAgentAvatar: () => fail('UNSUPPORTED_MEDIA_TYPE', 'An avatar must be a PNG, JPEG, GIF or WebP picture'),
      removeAgentAvatar: () => ok(adminAgent({ avatarId: null })),
    });
    const onAvatarChanged = editing(api);
    choose(new File(['just text'], 'notes.txt', { type: 'text/plain' }));
    expect(await screen.findByText('请选择 PNG、JPEG、GIF 或 WebP 图片')).toBeTruthy();
    choose(new File([new Uint8Array(AVATAR_LIMITS.bytesMax + 1)], 'huge.png', { type: 'image/png' }));
    expect(await screen.findByText('图片不能超过 180 KB')).toBeTruthy();
    expect(api.callsOf('setAgentAvatar')).toHaveLength(0);

    // A text file renamed .png: the browser says image/png, the server reads the bytes.
    choose(new File(['just text'], 'renamed.png', { type: 'image/png' }));
    expect(await screen.findByText('头像未保存：An avatar must be a PNG, JPEG, GIF or WebP picture')).toBeTruthy();
    expect(onAvatarChanged).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: /移除头像/ }));
    expect(await screen.findByText('头像已移除')).toBeTruthy();
    expect(api.callsOf('removeAgentAvatar')[0]!.options).toEqual({ params: { id: 'a1' } });
    await waitFor(() => expect(screen.queryByRole('button', { name: /移除头像/ })).toBeNull());
    expect(screen.getByRole('img', { name: '小王 的头像' }).textContent).toBe('小');
    expect(onAvatarChanged).toHaveBeenCalledTimes(1);
  });

  it('a new account gets its picture once it exists', () => {
    renderAdmin(<AgentFormModal groups={[group()]} onClose={() => undefined} onSaved={() => undefined} />, new FakeApi());
    expect(screen.getByText('创建账号后，可在编辑中上传头像。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /上传头像/ })).toBeNull();
  });
});
