import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { fail, ok } from '../../shared/errors.js';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import { useSessionStore } from '../login/sessionStore.js';
import { agent, snapshot } from '../testing/sampleSettings.js';
import { AvatarSection } from './AvatarSection.js';

/** A real 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The services as they behave: the answer is the agent as now, which also comes as agent:updated. */
function services(avatarId: string | null) {
  const api: FakeKefu = new FakeKefu({
    'avatars:get': ({ avatarId: id }) => (id === 'pic-2' ? ok({ mime: 'image/png', dataBase64: PNG }) : fail('NOT_FOUND', 'gone')),
    'avatars:set-mine': () => {
      const next = agent({ avatarId: 'pic-2' });
      queueMicrotask(() => useSessionStore.getState().applyAgent(next));
      return ok(next);
    },
    'avatars:remove-mine': () => {
      const next = agent({ avatarId: null });
      queueMicrotask(() => useSessionStore.getState().applyAgent(next));
      return ok(next);
    },
  });
  provideKefu(api);
  useSessionStore.setState({ snapshot: snapshot({ agent: agent({ avatarId }) }) });
  renderWithApp(<AvatarSection />);
  return api;
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

beforeEach(() => useSessionStore.setState({ snapshot: null }));
afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('设置 → 我的头像', () => {
  it('without a picture: the first character, 上传头像; a PNG is sent as base64 and then shown', async () => {
    const api = services(null);
    expect(screen.getByRole('img', { name: '小王 的头像' }).textContent).toBe('小');
    expect(screen.queryByRole('button', { name: /移除头像/ })).toBeNull();

    fireEvent.change(fileInput(), { target: { files: [new File([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], 'me.png', { type: 'image/png' })] } });
    await waitFor(() => expect(api.callsTo('avatars:set-mine')).toEqual([{ dataBase64: PNG }]));
    // Asked afresh each time: the letter's element gives way to the picture's once it has loaded.
    await waitFor(() => {
      const picture = screen.getByRole('img', { name: '小王 的头像' });
      expect(picture.querySelector('img')?.getAttribute('src') ?? picture.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    });
    expect(await screen.findByText('头像已更新')).toBeTruthy();
    expect(screen.getByRole('button', { name: /更换头像/ })).toBeTruthy();
  });

  it('refuses what is not a picture, or too big, before sending anything', async () => {
    const api = services(null);
    fireEvent.change(fileInput(), { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    expect(await screen.findByText('请选择 PNG、JPEG、GIF 或 WebP 图片')).toBeTruthy();
    fireEvent.change(fileInput(), { target: { files: [new File([new Uint8Array(AVATAR_LIMITS.bytesMax + 1)], 'big.png', { type: 'image/png' })] } });
    expect(await screen.findByText(`头像不能超过 ${Math.floor(AVATAR_LIMITS.bytesMax / 1024)} KB`)).toBeTruthy();
    expect(api.callsTo('avatars:set-mine')).toEqual([]);
  });

  it('with a picture: 移除头像 removes it and the first character comes back', async () => {
    const api = services('pic-2');
    // The picture comes once per session (the first test loaded it already): shown, not the letter.
    await waitFor(() => expect(screen.getByRole('img', { name: '小王 的头像' }).textContent).toBe(''));
    fireEvent.click(screen.getByRole('button', { name: /移除头像/ }));
    await waitFor(() => expect(api.callsTo('avatars:remove-mine')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('img', { name: '小王 的头像' }).textContent).toBe('小'));
    expect(screen.queryByRole('button', { name: /移除头像/ })).toBeNull();
  });

  it("says why the server refused, and keeps the agent's picture as it was", async () => {
    const api = new FakeKefu({ 'avatars:set-mine': () => fail('UNSUPPORTED_MEDIA_TYPE', 'An avatar must be a PNG, JPEG, GIF or WebP picture') });
    provideKefu(api);
    useSessionStore.setState({ snapshot: snapshot({ agent: agent() }) });
    renderWithApp(<AvatarSection />);
    fireEvent.change(fileInput(), { target: { files: [new File(['GIF89a-not-really'], 'x.png', { type: 'image/png' })] } });
    expect(await screen.findByText('头像未保存：An avatar must be a PNG, JPEG, GIF or WebP picture')).toBeTruthy();
    expect(screen.getByRole('img', { name: '小王 的头像' }).textContent).toBe('小');
  });
});
