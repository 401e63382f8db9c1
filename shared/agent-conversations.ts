/**
 * Which conversations the workstation lists for an agent, decided in one place so the list the
 * services answer after a reload and the list the renderer keeps from live events are the same.
 */
import type { Conversation } from './domain.js';

/**
 * Still waiting for the agent: open, or ended without its summary (小结) — the agent cannot close
 * those without one. An ended conversation with a summary is done and leaves the list.
 */
export function awaitsAgent(conversation: Pick<Conversation, 'state' | 'summary'>): boolean {
  return conversation.state !== 'ended' || conversation.summary === null;
}

/** Listed for this agent: theirs and still waiting for them. */
export function listedFor(conversation: Pick<Conversation, 'agentId' | 'state' | 'summary'>, agentId: string): boolean {
  return conversation.agentId === agentId && awaitsAgent(conversation);
}
