/**
 * A known dataset for the reports (issue 15): groups, agents, visitors with profiles, and per day
 * conversations with queue, assignment, first-response and end times, messages, ratings and
 * topics, 留言, the activity log's status rows, calls and invitations (主动邀请) — from a seeded random generator, so the
 * same options give the same rows. Written through the store's repositories, one transaction per
 * day (batched: a year × 200 agents for the bench, a few days for the tests). With `keep` the rows
 * are also returned, for tests that compute the figures independently in memory.
 */
import type { CallRow } from '../store/phone-types.js';
import type { ActivityRow } from '../store/activity-types.js';
import type { AgentRow, ConversationRow, MessageRow, OfflineMessageRow, Store } from '../store/types.js';
import type { VisitorProfileRow } from '../store/customer-types.js';
import type { InvitationRow } from '../store/site-visitor-types.js';
import { AUTO_REPLY_CLIENT_PREFIX } from '../../shared/phrases.js';

export interface ReportDataOptions {
  seed: number;
  /** The first day's midnight (any instant; days are 24 h apart from it). */
  start: number;
  days: number;
  groups: number;
  agents: number;
  conversationsPerDay: number;
  /** Messages per conversation on average (both sides). */
  messagesPerConversation: number;
  /** Return the rows written (tests); the bench leaves it off to keep memory flat. */
  keep?: boolean;
  /** Called after each day's transaction. */
  onDay?: (day: number) => void;
}

export interface ReportData {
  groups: { id: string; name: string }[];
  agents: AgentRow[];
  topics: { id: string; name: string }[];
  profiles: VisitorProfileRow[];
  conversations: ConversationRow[];
  messages: Pick<MessageRow, 'conversationId' | 'sender' | 'clientId' | 'createdAt'>[];
  activity: ActivityRow[];
  offline: OfflineMessageRow[];
  calls: CallRow[];
  invitations: InvitationRow[];
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const SOURCES = [
  { searchEngine: 'baidu', firstReferrer: 'https://www.baidu.com/s?wd=x', searchKeyword: '价格' },
  { searchEngine: '', firstReferrer: 'https://weibo.com/post/1', searchKeyword: '' },
  { searchEngine: '', firstReferrer: '', searchKeyword: '' },
  { searchEngine: 'sogou', firstReferrer: 'https://www.sogou.com/web?q=y', searchKeyword: '售后' },
];
const REGIONS = ['上海', '北京', '广东', '浙江', ''];
const LANDING = ['https://shop.example.com/', 'https://shop.example.com/p/1', 'https://shop.example.com/help'];
const CALL_RESULTS = ['answered', 'answered', 'answered', 'missed', 'rejected', 'busy', 'cancelled', 'failed', 'transferred'] as const;

const INVITATION_STATES = ['pending', 'accepted', 'accepted', 'declined', 'ignored'] as const;

/** An agent's (主动邀请) or a rule's invitation to a visitor of the pool, answered or not. */
function invitationRow(rnd: () => number, data: ReportData, visitorPool: readonly string[], dayStart: number, id: string): InvitationRow {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const agent = data.agents.length > 0 && rnd() < 0.6 ? pick(data.agents) : null;
  const group = agent ? agent.groupId : data.groups.length > 0 && rnd() < 0.8 ? pick(data.groups).id : null;
  const createdAt = dayStart + Math.floor(rnd() * DAY);
  const state = pick(INVITATION_STATES);
  return {
    id,
    visitorId: pick(visitorPool),
    agentId: agent?.id ?? null,
    fromName: agent?.nickname ?? '自动邀请',
    ruleId: agent ? null : 'rule-report-data',
    ruleName: agent ? '' : '报表规则',
    groupId: group,
    clientId: agent ? `${id}-client` : null,
    text: '需要帮助吗？',
    state,
    createdAt,
    expiresAt: createdAt + 60_000,
    answeredAt: state === 'accepted' || state === 'declined' ? createdAt + 10_000 : null,
    conversationId: null,
  };
}

export function generateReportData(store: Store, options: ReportDataOptions): ReportData {
  const rnd = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const between = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const tag = `r${options.seed.toString(36)}`;
  let serial = 0;
  const id = (kind: string): string => `${tag}-${kind}-${(++serial).toString(36)}`;
  const keep = options.keep ?? false;
  const data: ReportData = {
    groups: [],
    agents: [],
    topics: [],
    profiles: [],
    conversations: [],
    messages: [],
    activity: [],
    offline: [],
    calls: [],
    invitations: [],
  };
  // Invitations draw from their own sequence: the rows above stay what they were before invitations existed.
  const inviteRnd = random(options.seed ^ 0x5eed);

  store.transaction(() => {
    for (let g = 0; g < options.groups; g++) {
      const group = { id: id('g'), name: `${tag}-组${g + 1}` };
      store.groups.insert(group);
      data.groups.push(group);
    }
    for (let t = 0; t < 4; t++) {
      const topic = { id: id('t'), name: `${tag}-主题${t + 1}`, enabled: true, createdAt: options.start };
      store.topics.insert(topic);
      data.topics.push(topic);
    }
    for (let a = 0; a < options.agents; a++) {
      const agent: AgentRow = {
        id: id('a'),
        account: `${tag}-agent${a + 1}`,
        nickname: `${tag}-客服${a + 1}`,
        role: 'agent',
        passwordHash: 'x',
        status: 'away',
        notRespondingSince: null,
        maxConcurrent: 5,
        groupId: data.groups.length > 0 ? data.groups[a % data.groups.length]!.id : null,
        createdAt: options.start,
      };
      store.agents.insert(agent);
      data.agents.push(agent);
    }
  });

  const visitorPool: string[] = [];
  for (let day = 0; day < options.days; day++) {
    const dayStart = options.start + day * DAY;
    store.transaction(() => {
      // Each agent works one shift with a busy spell and maybe a 未响应 away spell.
      for (const agent of data.agents) {
        const on = dayStart + between(0, 10) * 3_600_000 + between(0, 59) * 60_000;
        const facts: [number, ActivityRow['status'], string][] = [
          [on, 'online', 'connected'],
          [on + between(1, 3) * 3_600_000, 'busy', 'agent'],
          [on + between(4, 5) * 3_600_000, rnd() < 0.3 ? 'away' : 'online', rnd() < 0.3 ? 'not-responding' : 'agent'],
          [on + between(6, 9) * 3_600_000, 'offline', 'logout'],
        ];
        for (const [at, status, reason] of facts) {
          const row: ActivityRow = { id: id('act'), agentId: agent.id, at, kind: 'status', status, reason, sessionId: null, conversationId: null };
          store.activity.insert(row);
          if (keep) data.activity.push(row);
        }
      }
      for (let n = 0; n < options.conversationsPerDay; n++) {
        const createdAt = dayStart + Math.floor(rnd() * DAY);
        let visitorId = visitorPool.length > 0 && rnd() < 0.2 ? pick(visitorPool) : '';
        if (!visitorId) {
          visitorId = id('v');
          store.visitors.insert({
            id: visitorId,
            tokenHash: visitorId,
            name: `访客${visitorPool.length + 1}`,
            prefGroupId: null,
            prefAgentId: null,
            createdAt,
          });
          const source = pick(SOURCES);
          const profile: VisitorProfileRow = {
            visitorId,
            userAgent: '',
            browser: '',
            os: '',
            region: pick(REGIONS),
            ...source,
            landingPage: pick(LANDING),
            campaign: {} as VisitorProfileRow['campaign'],
            tags: [],
            phone: '',
            phoneKey: '',
            email: '',
            customerId: null,
            updatedAt: createdAt,
          };
          store.visitorProfiles.put(profile);
          if (keep) data.profiles.push(profile);
          visitorPool.push(visitorId);
        }
        const group = data.groups.length > 0 && rnd() < 0.9 ? pick(data.groups) : null;
        const members = data.agents.filter((a) => a.groupId === group?.id);
        const agent = rnd() < 0.85 && members.length > 0 ? pick(members) : null;
        const conversationId = id('c');
        const waitMs = between(0, rnd() < 0.1 ? 900_000 : 90_000);
        const assignedAt = agent ? createdAt + waitMs : null;
        const open = rnd() < 0.03;
        const endedAt = open ? null : (assignedAt ?? createdAt) + between(5_000, 1_800_000);
        const messages: MessageRow[] = [];
        if (agent && assignedAt !== null) {
          const count = between(0, options.messagesPerConversation * 2);
          let at = assignedAt;
          for (let m = 0; m < count; m++) {
            at += between(1_000, 60_000);
            if (endedAt !== null && at >= endedAt) break;
            const fromAgent = m % 2 === 1;
            const automatic = fromAgent && m === 1 && rnd() < 0.2;
            messages.push({
              id: id('m'),
              conversationId,
              seq: messages.length + 1,
              clientId: `${automatic ? AUTO_REPLY_CLIENT_PREFIX : ''}${id('cl')}`,
              sender: fromAgent ? 'agent' : 'visitor',
              senderId: fromAgent ? agent.id : visitorId,
              senderName: fromAgent ? agent.nickname : '访客',
              kind: 'text',
              text: '…',
              attachmentId: null,
              createdAt: at,
            });
          }
        }
        const rated = endedAt !== null && agent !== null && rnd() < 0.4;
        const rating = rated ? between(1, 5) : null;
        const topic = endedAt !== null && agent !== null && rnd() < 0.8 ? pick(data.topics) : null;
        const conversation: ConversationRow = {
          id: conversationId,
          roomNo: `访客${String(++serial).padStart(6, '0')}`,
          visitorId,
          agentId: agent?.id ?? null,
          groupId: group?.id ?? null,
          requestedAgentId: null,
          state: endedAt !== null ? 'ended' : assignedAt !== null ? 'active' : 'queued',
          startedBy: rnd() < 0.05 ? 'transfer' : 'visitor',
          endedBy: endedAt === null ? null : agent === null ? 'visitor' : pick(['visitor', 'agent', 'system'] as const),
          valid: endedAt === null ? null : messages.some((m) => m.sender === 'visitor'),
          createdAt,
          assignedAt,
          endedAt,
          queuedAt: createdAt,
          queueOrder: endedAt === null && assignedAt === null ? serial : null,
          lastMessageAt: messages.at(-1)?.createdAt ?? null,
          lastMessageSeq: messages.length,
          lastAgentMessageAt: null,
          lastVisitorMessageAt: null,
          awaitingVisitor: false,
          summaryTopicId: topic?.id ?? null,
          summaryTopicName: topic?.name ?? null,
          summaryNote: topic ? '' : null,
          summaryAgentId: topic ? agent!.id : null,
          summaryAt: topic ? endedAt : null,
          evaluationPushed: rated,
          evaluationRating: rating,
          evaluationComment: rated ? (rnd() < 0.5 ? '很好' : '') : null,
          // Some ratings arrive after midnight of the day the conversation ended.
          evaluationAt: rated ? endedAt! + between(1_000, 7_200_000) : null,
        };
        store.conversations.insert(conversation);
        for (const message of messages) store.messages.insert(message);
        if (agent && assignedAt !== null) {
          const fact: ActivityRow = {
            id: id('as'),
            agentId: agent.id,
            at: assignedAt,
            kind: 'assigned',
            status: null,
            reason: 'assigned',
            sessionId: null,
            conversationId,
          };
          store.activity.insert(fact);
          if (keep) data.activity.push(fact);
        }
        if (keep) {
          data.conversations.push(conversation);
          for (const m of messages) data.messages.push({ conversationId: m.conversationId, sender: m.sender, clientId: m.clientId, createdAt: m.createdAt });
        }
      }
      for (let n = 0; n < Math.ceil(options.conversationsPerDay / 10); n++) {
        const createdAt = dayStart + Math.floor(rnd() * DAY);
        const replier = rnd() < 0.7 && data.agents.length > 0 ? pick(data.agents) : null;
        const visitorId = visitorPool.length > 0 ? pick(visitorPool) : id('v');
        const row: OfflineMessageRow = {
          id: id('o'),
          visitorId,
          name: '留言人',
          contact: '13800000000',
          text: '请回电',
          status: replier ? 'replied' : 'unreplied',
          reply: replier ? '好的' : null,
          repliedBy: replier?.id ?? null,
          createdAt,
          repliedAt: replier ? createdAt + between(60_000, 86_400_000) : null,
        };
        if (visitorPool.length > 0) store.offlineMessages.insert(row);
        if (keep && visitorPool.length > 0) data.offline.push(row);
      }
      for (let n = 0; n < Math.ceil(options.conversationsPerDay / 5) && data.agents.length > 0; n++) {
        const agent = pick(data.agents);
        const startedAt = dayStart + Math.floor(rnd() * DAY);
        const result = pick(CALL_RESULTS);
        const talked = result === 'answered' || result === 'transferred';
        const durationSeconds = talked ? between(10, 900) : 0;
        const call: CallRow = {
          id: id('call'),
          agentId: agent.id,
          direction: rnd() < 0.7 ? 'inbound' : 'outbound',
          remoteNumber: '13900000000',
          remoteKey: '13900000000',
          localUri: 'sip:a@example.com',
          startedAt,
          answeredAt: talked ? startedAt + 5_000 : null,
          endedAt: startedAt + 5_000 + durationSeconds * 1000,
          durationSeconds,
          result,
          wrapUpCodeId: rnd() < 0.6 ? pick(['wrap-consulted', 'wrap-callback', 'wrap-complaint']) : null,
          note: '',
          customerId: null,
          syncedAt: startedAt,
        } as CallRow;
        store.calls.insert(call);
        if (keep) data.calls.push(call);
      }
      for (let n = 0; n < Math.ceil(options.conversationsPerDay / 4) && visitorPool.length > 0; n++) {
        const invitation = invitationRow(inviteRnd, data, visitorPool, dayStart, id('inv'));
        store.invitations.insert(invitation);
        if (keep) data.invitations.push(invitation);
      }
    });
    options.onDay?.(day);
  }
  return data;
}
