import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { useSessionStore } from '../session/sessionStore.js';
import type { LiveConversation, LiveListQuery } from '../../shared/protocol/rest-supervision.js';
import type { ServerFrame } from '../../shared/protocol/realtime.js';
import { connectSupervisorFeed, type ConnectFeed } from './supervisor-socket.js';
import { elapsed } from './live-time.js';
import { ConversationDrawer, type FrameSubscribe } from './ConversationDrawer.js';

/** Frames that change what the list shows: the list is read again (once per burst). */
const LIST_EVENTS = new Set(['conversation.updated', 'conversation.removed', 'message.created']);

/**
 * 对话监控: the open conversations an admin (all) or a group leader (their group's) may watch,
 * filtered, kept current by the supervisor socket (pushed, never polled), each one opened read-only
 * in a drawer where the supervisor whispers, takes over, transfers or marks it for review.
 */
export function SupervisionPage({ connect = connectSupervisorFeed }: { connect?: ConnectFeed }) {
  const { t } = useTranslation();
  const api = useApi();
  const token = useSessionStore((s) => s.token);
  const [query, setQuery] = useState<LiveListQuery>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const list = useRemote(() => api.call('listLiveConversations', { query }), JSON.stringify(query));
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const agents = useRemote(() => api.call('adminListAgents', { query: { state: 'all' } }), 'agents');
  const listeners = useRef(new Set<(frame: ServerFrame) => void>());
  const reloadList = list.reload;

  useEffect(() => {
    if (!token) return;
    let pending = false;
    const feed = connect(token, {
      onReady: () => {
        setLive(true);
        reloadList();
      },
      onLost: () => setLive(false),
      onFrame: (frame) => {
        for (const listener of listeners.current) listener(frame);
        if (frame.type !== 'event' || !LIST_EVENTS.has(frame.event.type) || pending) return;
        // A burst of events (a busy floor) reads the list once, on the next turn.
        pending = true;
        queueMicrotask(() => {
          pending = false;
          reloadList();
        });
      },
    });
    return () => feed.close();
  }, [connect, token, reloadList]);

  // The waiting columns tick here from the server's timestamps; nothing is asked of the server.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const subscribe: FrameSubscribe = useCallback((listener) => {
    listeners.current.add(listener);
    return () => listeners.current.delete(listener);
  }, []);

  const groupName = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const set = (patch: Partial<LiveListQuery>) =>
    setQuery((q) => Object.fromEntries(Object.entries({ ...q, ...patch }).filter(([, v]) => v !== undefined && v !== null)));

  const columns: ColumnsType<LiveConversation> = [
    { title: t('supervision.room'), dataIndex: 'roomNo', key: 'roomNo', width: 120 },
    { title: t('supervision.visitor'), dataIndex: 'visitorName', key: 'visitor' },
    { title: t('supervision.agent'), key: 'agent', render: (_, c) => c.agentName ?? t('supervision.none') },
    { title: t('supervision.group'), key: 'group', render: (_, c) => (c.groupId ? (groupName.get(c.groupId) ?? '') : t('supervision.none')) },
    {
      title: t('supervision.state'),
      key: 'state',
      width: 110,
      render: (_, c) => (
        <Space size={4}>
          <Tag color={c.state === 'queued' ? 'orange' : 'green'}>{t(`supervision.${c.state}`)}</Tag>
          {c.review ? <Tag color="red">{t('supervision.review')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('supervision.waiting'), key: 'waiting', width: 120, render: (_, c) => elapsed(t, c.waitingSince, now) },
    {
      title: t('supervision.sinceReply'),
      key: 'sinceReply',
      width: 140,
      render: (_, c) => (c.state === 'active' ? elapsed(t, c.lastAgentMessageAt ?? c.assignedAt, now) : t('supervision.none')),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" aria-label={t('supervision.openAria', { room: c.roomNo })} onClick={() => setOpenId(c.id)}>
          {t('supervision.open')}
        </Button>
      ),
    },
  ];

  return (
    <PageFrame title={t('supervision.title')} error={list.error} onRetry={list.reload}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={live ? 'green' : 'default'} role="status">
          {live ? t('supervision.live') : t('supervision.reconnecting')}
        </Tag>
        <Select
          aria-label={t('supervision.filterGroup')}
          style={{ width: 180 }}
          value={query.groupId ?? ''}
          onChange={(groupId: string) => set({ groupId: groupId || undefined })}
          options={[{ value: '', label: t('supervision.allGroups') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          aria-label={t('supervision.filterAgent')}
          style={{ width: 180 }}
          value={query.agentId ?? ''}
          onChange={(agentId: string) => set({ agentId: agentId || undefined })}
          options={[{ value: '', label: t('supervision.allAgents') }, ...(agents.data ?? []).map((a) => ({ value: a.id, label: a.nickname }))]}
        />
        <InputNumber
          aria-label={t('supervision.minWait')}
          placeholder={t('supervision.minWait')}
          style={{ width: 180 }}
          min={1}
          max={86400}
          value={query.minWaitSeconds ?? null}
          onChange={(value) => set({ minWaitSeconds: typeof value === 'number' ? value : undefined })}
        />
        <InputNumber
          aria-label={t('supervision.noReply')}
          placeholder={t('supervision.noReply')}
          style={{ width: 200 }}
          min={1}
          max={86400}
          value={query.noReplySeconds ?? null}
          onChange={(value) => set({ noReplySeconds: typeof value === 'number' ? value : undefined })}
        />
      </Space>
      <Table<LiveConversation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading && !list.data}
        pagination={false}
        caption={<HiddenCaption text={t('supervision.tableLabel')} />}
        locale={{ emptyText: <Empty description={t('supervision.empty')} /> }}
      />
      {openId ? <ConversationDrawer id={openId} subscribe={subscribe} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </PageFrame>
  );
}
