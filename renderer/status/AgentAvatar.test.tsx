import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { fail, ok } from '../../shared/errors.js';
import { AgentAvatar } from './AgentAvatar.js';

const GIF = 'R0lGODlhAQABAAAAACw=';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('AgentAvatar', () => {
  it("shows the agent's picture through the services as a data URL, fetched once for every place showing it", async () => {
    const api = new FakeKefu({ 'avatars:get': () => ok({ mime: 'image/gif', dataBase64: GIF }) });
    provideKefu(api);
    renderWithApp(
      <>
        <AgentAvatar agent={{ nickname: '小李', avatarId: 'av-1' }} />
        <AgentAvatar agent={{ nickname: '小李', avatarId: 'av-1' }} size={48} />
      </>,
    );
    await waitFor(() =>
      expect(screen.getAllByAltText('小李 的头像').map((img) => img.getAttribute('src'))).toEqual([
        `data:image/gif;base64,${GIF}`,
        `data:image/gif;base64,${GIF}`,
      ]),
    );
    expect(api.callsTo('avatars:get')).toEqual([{ avatarId: 'av-1' }]);
  });

  it('shows the first character of the nickname without a picture, or when it cannot be had (offline)', async () => {
    const api = new FakeKefu({ 'avatars:get': () => fail('NETWORK', 'offline') });
    provideKefu(api);
    renderWithApp(
      <>
        <AgentAvatar agent={{ nickname: '王小明', avatarId: null }} />
        <AgentAvatar agent={{ nickname: 'Zoe', avatarId: 'av-missing' }} />
      </>,
    );
    await waitFor(() => expect(api.callsTo('avatars:get')).toEqual([{ avatarId: 'av-missing' }]));
    expect(screen.getByRole('img', { name: '王小明 的头像' }).textContent).toBe('王');
    expect(screen.getByRole('img', { name: 'Zoe 的头像' }).textContent).toBe('Z');
    expect(screen.queryByAltText('Zoe 的头像')).toBeNull();
  });
});
