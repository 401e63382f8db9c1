import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { AuditPage } from './AuditPage.js';
import { ok } from '../../shared/errors.js';
import type { AuditEntry } from '../../shared/protocol/rest-admin.js';

afterEach(cleanup);

const entry = (id: string, name: string): AuditEntry => ({
  id,
  at: Date.UTC(2026, 0, 5),
  actorId: 'admin1',
  actorAccount: 'admin',
  action: 'group.create',
  targetType: 'group',
  targetId: id,
  before: null,
  after: { name },
});

describe('AuditPage', () => {
  it('加载更多 asks for the page before the last entry shown and appends it', async () => {
    const api = new FakeApi({
      listAudit: ({ query }) => ok(query?.before ? { entries: [entry('e2', '售后')], hasMore: false } : { entries: [entry('e1', '售前')], hasMore: true }),
      adminListAgents: () => ok([]),
      adminListGroups: () => ok([]),
      listTopics: () => ok([]),
    });
    renderAdmin(<AuditPage />, api);
    const table = await screen.findByRole('table', { name: '操作日志列表' });
    expect(await within(table).findByText('技能组 售前')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await within(table).findByText('技能组 售后')).toBeTruthy();
    expect(api.callsOf('listAudit').map((c) => c.options.query)).toEqual([{ limit: 100 }, { before: 'e1', limit: 100 }]);
    await waitFor(() => expect(screen.getByText('已全部加载')).toBeTruthy());
  });
});
