/**
 * 悄悄话: a supervisor writes to the conversation's agent, the agent may answer; staff only. Stored
 * in their own table (never a message: the visitor's message seq stays gap-free) and pushed as a
 * `whisper.created` event whose audience never names the visitor — so no visitor read, live stream
 * or replay after a reconnect can carry one.
 */
import type { Whisper, WhisperBody } from '../../../shared/index.js';
import { uuidv7 } from '../../../shared/index.js';
import { audience, type AgentRow, type Audience, type ConversationRow } from '../../store/types.js';
import type { WhisperRow } from '../../store/supervision-types.js';
import type { DomainContext, Principal } from '../context.js';
import { handledConversation, requireStaff } from '../access.js';
import { refuse } from '../errors.js';
import { recordAudit } from '../admin/audit.js';
import { supervisedConversation } from './scope.js';
import { toWhisper } from './dto.js';

type Author = Pick<AgentRow, 'id' | 'account' | 'nickname' | 'role' | 'groupId'>;

/** The one stored under this clientId, when it is the same writer's in the same conversation; a clash is refused. */
function earlier(ctx: DomainContext, conversationId: string, authorId: string, clientId: string): WhisperRow | undefined {
  const existing = ctx.store.whispers.byClientId(clientId);
  if (existing && (existing.conversationId !== conversationId || existing.authorId !== authorId)) {
    refuse('CONFLICT', 'This clientId was already used for another whisper');
  }
  return existing;
}

function store(
  ctx: DomainContext,
  conversation: ConversationRow,
  author: Author,
  from: WhisperRow['fromRole'],
  body: WhisperBody,
  readers: Audience[],
): WhisperRow {
  const now = ctx.clock();
  const row: WhisperRow = {
    id: uuidv7(now),
    conversationId: conversation.id,
    clientId: body.clientId,
    fromRole: from,
    authorId: author.id,
    authorName: author.nickname,
    text: body.text,
    createdAt: now,
  };
  ctx.store.whispers.insert(row);
  // Staff only: the agent, the writer and whoever whispered here before (admins read every event).
  ctx.store.events.append({ type: 'whisper.created', whisper: toWhisper(row) }, [...new Set(readers)], now);
  return row;
}

/** Everyone who whispered in this conversation: an agent's answer reaches them all. */
const whisperers = (ctx: DomainContext, conversationId: string): Audience[] =>
  ctx.store.whispers
    .forConversation(conversationId)
    .filter((w) => w.fromRole === 'supervisor')
    .map((w) => audience.agent(w.authorId));

/** A supervisor's whisper to the agent of an active conversation they may supervise. Idempotent on clientId. */
export function whisperToAgent(ctx: DomainContext, actor: Author, id: string, body: WhisperBody): Whisper {
  return ctx.store.transaction(() => {
    const conversation = supervisedConversation(ctx, actor, id);
    const existing = earlier(ctx, id, actor.id, body.clientId);
    if (existing) return toWhisper(existing);
    if (conversation.state !== 'active' || conversation.agentId === null) refuse('INVALID_STATE', 'Only an active conversation has an agent to whisper to');
    if (conversation.agentId === actor.id) refuse('INVALID_STATE', 'You handle this conversation yourself');
    const row = store(ctx, conversation, actor, 'supervisor', body, [audience.agent(conversation.agentId!), audience.agent(actor.id), ...whisperers(ctx, id)]);
    recordAudit(ctx, actor, 'conversation.whisper', { type: 'conversation', id }, null, { whisperId: row.id, agentId: conversation.agentId, text: row.text });
    return toWhisper(row);
  });
}

/** The agent answers: only the agent handling the conversation (or an admin), while it is active. */
export function answerWhisper(ctx: DomainContext, principal: Principal, id: string, body: WhisperBody): Whisper {
  const { agent } = requireStaff(principal);
  return ctx.store.transaction(() => {
    const conversation = handledConversation(ctx, principal, id);
    const existing = earlier(ctx, id, agent.id, body.clientId);
    if (existing) return toWhisper(existing);
    if (conversation.state !== 'active') refuse('INVALID_STATE', 'This conversation is not active');
    const readers = [audience.agent(agent.id), ...(conversation.agentId ? [audience.agent(conversation.agentId)] : []), ...whisperers(ctx, id)];
    return toWhisper(store(ctx, conversation, agent, 'agent', body, readers));
  });
}

/** The whispers of a conversation the caller handles (its agent, or an admin), oldest first. */
export function listWhispers(ctx: DomainContext, principal: Principal, id: string): Whisper[] {
  requireStaff(principal);
  handledConversation(ctx, principal, id);
  return ctx.store.whispers.forConversation(id).map(toWhisper);
}
