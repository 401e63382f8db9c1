import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, snapshot } from '../testing/sampleSettings.js';
import { conversation } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { ok } from '../../shared/errors.js';
import { RecordsView } from './RecordsView.js';
import { EMPTY_FILTERS, FIRST_PAGE, toExportQuery, toRecordQuery } from './recordQuery.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('records view: filters → request', () => {
  // antd's Table and pickers render slowly in jsdom on a loaded 2-core machine: a generous bound.
  it('sends the simple query on 查询, and the advanced filters with 高级查询 on', { timeout: 90_000 }, async () => {
    const record = conversation({ id: 'c1', roomNo: '访客123456', visitorName: '张三', state: 'ended' });
    const fake = new FakeKefu({
      'records:query': () => ok({ total: 1, items: [record] }),
      'topics:list': () => ok([{ id: 'tp1', name: '售后', enabled: true }]),
      'agents:list': () => ok([]),
    });
    provideKefu(fake);
    useSessionStore.setState({ snapshot: snapshot({ agent: agent({ role: 'agent' }) }) });
    renderWithApp(<RecordsView />);

    // The first page loads on open, newest first.
    await waitFor(() => expect(fake.callsTo('records:query')).toHaveLength(1));
    expect(fake.callsTo('records:query')[0]).toEqual({ sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 });
    expect(await screen.findByText('张三')).toBeTruthy();
    // Agents get no agent picker: the server scopes them to their own records anyway.
    expect(fake.callsTo('agents:list')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '  退货 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(fake.callsTo('records:query')).toHaveLength(2));
    expect(fake.callsTo('records:query')[1]).toEqual({ keyword: '退货', sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 });

    fireEvent.click(screen.getByRole('switch', { name: '高级查询' }));
    fireEvent.change(screen.getByLabelText('访客'), { target: { value: 'Lee' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(fake.callsTo('records:query')).toHaveLength(3));
    expect(fake.callsTo('records:query')[2]).toEqual({ keyword: '退货', visitor: 'Lee', sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 });
  });

  it('maps every filter, the time range and the table state; export carries the same filters', () => {
    const filters = {
      ...EMPTY_FILTERS,
      range: [1_000, 2_000] as [number, number],
      keyword: '发票',
      agentId: 'a2',
      visitor: ' 访客12 ',
      startedBy: 'transfer' as const,
      endedBy: 'system' as const,
      valid: 'false' as const,
      rating: 3,
      topicId: 'tp1',
    };
    const table = { ...FIRST_PAGE, page: 3, pageSize: 50, sort: 'rating' as const, order: 'asc' as const };
    expect(toRecordQuery(filters, true, table)).toEqual({
      from: 1_000,
      to: 2_000,
      keyword: '发票',
      agentId: 'a2',
      visitor: '访客12',
      startedBy: 'transfer',
      endedBy: 'system',
      valid: false,
      rating: 3,
      topicId: 'tp1',
      sort: 'rating',
      order: 'asc',
      page: 3,
      pageSize: 50,
    });
    expect(toRecordQuery(filters, false, table)).toEqual({ from: 1_000, to: 2_000, keyword: '发票', sort: 'rating', order: 'asc', page: 3, pageSize: 50 });
    expect(toExportQuery(filters, false, table, 'xlsx')).toEqual({ from: 1_000, to: 2_000, keyword: '发票', sort: 'rating', order: 'asc', format: 'xlsx' });
  });
});
