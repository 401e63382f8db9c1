import { useEffect, useState } from 'react';
import { App, Button, Divider, Drawer, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../shared/ids.js';
import type { Message } from '../../shared/domain.js';
import type { ServerFrame } from '../../shared/protocol/realtime.js';
import type { SupervisedConversation, Whisper } from '../../shared/protocol/rest-supervision.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { useSessionStore } from '../session/sessionStore.js';

export type FrameSubscribe = (listener: (frame: ServerFrame) => void) => () => void;

const byId = <T extends { id: string }>(list: T[], item: T): T[] => (list.some((x) => x.id === item.id) ? list : [...list, item]);

/**
 * One conversation opened read-only (the visitor is not told): the transcript and the whispers,
 * live from the supervisor socket. From here the supervisor whispers to the agent, marks it for
 * review, moves it (forced transfer) or takes it over — and, once it is theirs, answers the visitor
 * and ends it right here (the console view turns writable; no workstation needed).
 */
export function ConversationDrawer({
  id,
  subscribe,
  onClose,
  onChanged,
}: {
  id: string;
  subscribe: FrameSubscribe;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const selfId = useSessionStore((s) => s.admin?.id ?? null);
  const [view, setView] = useState<SupervisedConversation | null>(null);
  const [whisper, setWhisper] = useState('');
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<string | undefined>();
  const [reply, setReply] = useState('');
  const [topicId, setTopicId] = useState<string | undefined>();
  const agents = useRemote(() => api.call('adminListAgents', { query: { state: 'enabled' } }), 'agents');
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const topics = useRemote(() => api.call('listTopics'), 'topics');

  const load = async () => {
    const result = await api.call('superviseConversation', { params: { id } });
    if (result.ok) setView(result.value);
    else void message.error(t('supervision.failed', { message: result.error.message }));
  };
  useEffect(() => {
    void load();
    return subscribe((frame) => {
      if (frame.type !== 'event') return;
      const event = frame.event;
      if (event.type === 'message.created' && event.message.conversationId === id) {
        setView((v) => v && { ...v, messages: byId<Message>(v.messages, event.message) });
      } else if (event.type === 'whisper.created' && event.whisper.conversationId === id) {
        setView((v) => v && { ...v, whispers: byId<Whisper>(v.whispers, event.whisper) });
      } else if (event.type === 'conversation.updated' && event.conversation.id === id) {
        setView((v) => v && { ...v, conversation: { ...v.conversation, ...event.conversation } });
      }
    });
  }, [id, subscribe]);

  /** Runs an action; on success says so, refreshes the view and the list. */
  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const result = await run();
    if (!result.ok) return void message.error(t('supervision.failed', { message: result.error?.message ?? '' }));
    void message.success(done);
    onChanged();
    await load();
    return true;
  };

  const conversation = view?.conversation;
  const open = conversation?.state === 'active' || conversation?.state === 'queued';
  const mine = conversation?.state === 'active' && conversation.agentId === selfId;
  const targets = [
    ...(agents.data ?? [])
      .filter((a) => a.id !== conversation?.agentId)
      .map((a) => ({ value: `agent:${a.id}`, label: t('supervision.transferAgent', { name: a.nickname }) })),
    ...(groups.data ?? []).map((g) => ({ value: `group:${g.id}`, label: t('supervision.transferGroup', { name: g.name }) })),
  ];

  return (
    <Drawer open width={560} onClose={onClose} title={t('supervision.drawerTitle', { room: conversation?.roomNo ?? '' })} destroyOnHidden>
      <Typography.Text type="secondary">{t('supervision.readOnly')}</Typography.Text>
      {conversation?.review ? <p role="note">{t('supervision.reviewed', { note: conversation.review.note, name: conversation.review.markedByName })}</p> : null}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('supervision.transcript')}
      </Typography.Title>
      <ol role="log" aria-label={t('supervision.transcript')} style={{ listStyle: 'none', padding: 0, maxHeight: 320, overflow: 'auto' }}>
        {(view?.messages ?? []).map((m) => (
          <li key={m.id}>
            <strong>{m.sender === 'system' ? t('supervision.system') : m.senderName}</strong>：{m.text}
          </li>
        ))}
      </ol>
      {mine ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('supervision.reply')} placeholder={t('supervision.reply')} value={reply} onChange={(e) => setReply(e.target.value)} />
          <Button
            type="primary"
            disabled={!reply.trim()}
            onClick={() =>
              void act(
                () => api.call('sendMessage', { params: { id }, body: { clientId: uuidv7(), kind: 'text', text: reply.trim() } }),
                t('supervision.replySend'),
              ).then((ok) => ok && setReply(''))
            }
          >
            {t('supervision.replySend')}
          </Button>
        </Space.Compact>
      ) : null}
      <Divider />
      <section aria-label={t('supervision.whispers')} style={{ border: '1px dashed #d48806', background: '#fffbe6', padding: 8, borderRadius: 6 }}>
        <strong>{t('supervision.whispers')}</strong> <Typography.Text type="secondary">{t('supervision.whisperHint')}</Typography.Text>
        <ol role="log" aria-label={t('supervision.whispers')} style={{ listStyle: 'none', padding: 0 }}>
          {(view?.whispers ?? []).length === 0 ? <li>{t('supervision.noWhispers')}</li> : null}
          {(view?.whispers ?? []).map((w) => (
            <li key={w.id}>
              <strong>{t(w.from === 'supervisor' ? 'supervision.whisperFromSupervisor' : 'supervision.whisperFromAgent', { name: w.authorName })}</strong>：
              {w.text}
            </li>
          ))}
        </ol>
        {conversation?.state === 'active' && !mine ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('supervision.whisperLabel')}
              placeholder={t('supervision.whisperLabel')}
              value={whisper}
              onChange={(e) => setWhisper(e.target.value)}
            />
            <Button
              disabled={!whisper.trim()}
              onClick={() =>
                void act(
                  () => api.call('whisperToAgent', { params: { id }, body: { clientId: uuidv7(), text: whisper.trim() } }),
                  t('supervision.whisperSend'),
                ).then((ok) => ok && setWhisper(''))
              }
            >
              {t('supervision.whisperSend')}
            </Button>
          </Space.Compact>
        ) : null}
      </section>
      <Divider />
      <Space direction="vertical" style={{ width: '100%' }}>
        {open && !mine ? (
          <Popconfirm
            title={t('supervision.takeOverConfirm')}
            onConfirm={() => void act(() => api.call('takeOverConversation', { params: { id } }), t('supervision.takenOver'))}
          >
            <Button danger>{t('supervision.takeOver')}</Button>
          </Popconfirm>
        ) : null}
        {open ? (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              aria-label={t('supervision.transferTarget')}
              placeholder={t('supervision.transferTarget')}
              style={{ flex: 1 }}
              value={target}
              onChange={setTarget}
              options={targets}
            />
            <Button
              disabled={!target}
              onClick={() => {
                const [kind, targetId] = (target ?? '').split(':') as [string, string];
                const body = kind === 'agent' ? { toAgentId: targetId } : { toGroupId: targetId };
                void act(() => api.call('forceTransferConversation', { params: { id }, body }), t('supervision.transferred'));
              }}
            >
              {t('supervision.transfer')}
            </Button>
          </Space.Compact>
        ) : null}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('supervision.reviewNote')}
            placeholder={t('supervision.reviewNote')}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            disabled={!note.trim()}
            onClick={() =>
              void act(() => api.call('markForReview', { params: { id }, body: { note: note.trim() } }), t('supervision.reviewSaved')).then(
                (ok) => ok && setNote(''),
              )
            }
          >
            {t('supervision.markReview')}
          </Button>
        </Space.Compact>
        {mine ? (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              aria-label={t('supervision.finishTopic')}
              placeholder={t('supervision.finishTopic')}
              style={{ flex: 1 }}
              value={topicId}
              onChange={setTopicId}
              options={(topics.data ?? []).filter((topic) => topic.enabled).map((topic) => ({ value: topic.id, label: topic.name }))}
            />
            <Button onClick={() => void act(() => api.call('closeConversation', { params: { id }, body: { topicId, note: '' } }), t('supervision.finished'))}>
              {t('supervision.finish')}
            </Button>
          </Space.Compact>
        ) : null}
      </Space>
    </Drawer>
  );
}
