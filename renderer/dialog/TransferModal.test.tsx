import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { ok } from '../../shared/errors.js';
import { agent } from '../testing/sampleSettings.js';
import { TransferModal } from './TransferModal.js';

const GIF = 'R0lGODlhAQABAAAAACw=';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('转接 → colleagues with their avatars', () => {
  it("lists the other agents with their pictures (through the services) or their first character, never one's own", async () => {
    const api = new FakeKefu({
      'agents:list': () =>
        ok([
          agent({ id: 'me', nickname: '我自己', avatarId: 'pic-me' }),
          agent({ id: 'a2', nickname: '小李', status: 'online', avatarId: 'pic-li' }),
          agent({ id: 'a3', nickname: '赵六', status: 'busy', avatarId: null }),
        ]),
      'groups:list': () => ok([]),
      'avatars:get': () => ok({ mime: 'image/gif', dataBase64: GIF }),
    });
    provideKefu(api);
    renderWithApp(<TransferModal conversationId="c1" selfId="me" onClose={() => undefined} />);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '选择客服' }));
    await waitFor(() => expect(screen.getByAltText('小李 的头像').getAttribute('src')).toBe(`data:image/gif;base64,${GIF}`));
    expect(screen.getByRole('img', { name: '赵六 的头像' }).textContent).toBe('赵');
    expect(screen.queryByRole('img', { name: '我自己 的头像' })).toBeNull();
    expect(api.callsTo('avatars:get')).toEqual([{ avatarId: 'pic-li' }]);
  });
});
