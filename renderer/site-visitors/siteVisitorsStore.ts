/**
 * 访客监控: the visitors on the site while the view is open (the services watch only then), the
 * invitations sent from here with their answers, and the view's filter and search.
 *
 * The snapshot answers `site-visitors:watch`; batches of changes follow as events. A batch that
 * arrives before the snapshot's answer is newer than the snapshot (the services lay earlier ones
 * over it), so it is kept and applied on top once the snapshot is in.
 */
import { create } from 'zustand';
import type { EventPayload } from '../../shared/ipc/contract.js';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import type { Result } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import type { SiteVisitorFilter } from './siteVisitorLogic.js';

type Changes = EventPayload<'site-visitors:changed'>;

interface SiteVisitorsState {
  /** visitorId → visitor; a new Map on every change so the view redraws. */
  visitors: ReadonlyMap<string, SiteVisitor>;
  phase: 'closed' | 'loading' | 'ready' | 'failed';
  error: string | null;
  filter: SiteVisitorFilter;
  query: string;
  /** The latest invitation sent from here per visitor, its answer once it came. */
  invitations: Readonly<Record<string, Invitation>>;
  /** The names of the visitors invited from here, for an answer that comes after the view closed. */
  invitedNames: Readonly<Record<string, string>>;
  /** Visitors an invitation is being sent to (the button waits). */
  sending: Readonly<Record<string, true>>;
  /** The last answer heard, for the toast. */
  lastAnswer: Invitation | null;
  watch(): Promise<void>;
  /** Watches again if the view is open (the services were restarted and forgot it). */
  rewatch(): Promise<void>;
  unwatch(): Promise<void>;
  applyChanges(changes: Changes): void;
  invite(visitorId: string, text: string): Promise<Result<Invitation>>;
  applyAnswer(invitation: Invitation): void;
  setFilter(filter: SiteVisitorFilter): void;
  setQuery(query: string): void;
}

function applied(visitors: ReadonlyMap<string, SiteVisitor>, changes: Changes): Map<string, SiteVisitor> {
  const next = new Map(visitors);
  // The services send a visitor in one of the two lists only, so the order does not matter.
  for (const visitorId of changes.left) next.delete(visitorId);
  for (const visitor of changes.upserted) next.set(visitor.visitorId, visitor);
  return next;
}

/** Batches that came while the snapshot was on its way. */
let early: Changes[] = [];
/** Bumped by every watch and unwatch: the answer to an older watch is dropped. */
let generation = 0;

export const useSiteVisitorsStore = create<SiteVisitorsState>((set, get) => ({
  visitors: new Map(),
  phase: 'closed',
  error: null,
  filter: 'all',
  query: '',
  invitations: {},
  invitedNames: {},
  sending: {},
  lastAnswer: null,
  async watch() {
    const mine = ++generation;
    early = [];
    set({ phase: 'loading', error: null });
    const result = await invoke('site-visitors:watch', undefined);
    if (mine !== generation) return;
    if (!result.ok) {
      set({ phase: 'failed', error: result.error.message, visitors: new Map() });
      return;
    }
    let visitors: ReadonlyMap<string, SiteVisitor> = new Map(result.value.map((v) => [v.visitorId, v]));
    for (const changes of early) visitors = applied(visitors, changes);
    early = [];
    set({ phase: 'ready', visitors });
  },
  async rewatch() {
    if (get().phase !== 'closed') await get().watch();
  },
  async unwatch() {
    generation += 1;
    early = [];
    set({ phase: 'closed', visitors: new Map(), error: null });
    await invoke('site-visitors:unwatch', undefined);
  },
  applyChanges(changes) {
    const { phase, visitors } = get();
    if (phase === 'loading') early.push(changes);
    else if (phase === 'ready') set({ visitors: applied(visitors, changes) });
  },
  async invite(visitorId, text) {
    set({ sending: { ...get().sending, [visitorId]: true } });
    const result = await invoke('site-visitors:invite', { visitorId, text });
    const { [visitorId]: _done, ...sending } = get().sending;
    if (!result.ok) {
      set({ sending });
      return result;
    }
    const invitation = result.value;
    // Shown as invited at once; the server's own change of the row follows as a delta.
    const visitor = get().visitors.get(visitorId);
    const visitors =
      visitor && visitor.pendingInvitationId === null
        ? applied(get().visitors, { upserted: [{ ...visitor, pendingInvitationId: invitation.id }], left: [] })
        : get().visitors;
    set({
      sending,
      visitors,
      invitations: { ...get().invitations, [visitorId]: invitation },
      invitedNames: visitor ? { ...get().invitedNames, [visitorId]: visitor.nickname } : get().invitedNames,
    });
    return result;
  },
  applyAnswer(invitation) {
    const known = get().invitations[invitation.visitorId];
    // An answer to an older invitation of this visitor does not replace the newer one's row state.
    const invitations =
      !known || known.id === invitation.id || known.createdAt <= invitation.createdAt
        ? { ...get().invitations, [invitation.visitorId]: invitation }
        : get().invitations;
    // The row follows at once; the server's own change of it comes as a delta.
    const visitor = get().visitors.get(invitation.visitorId);
    const answered =
      visitor && visitor.pendingInvitationId === invitation.id && invitation.state !== 'pending'
        ? applied(get().visitors, {
            upserted: [{ ...visitor, pendingInvitationId: null, conversationId: invitation.conversationId ?? visitor.conversationId }],
            left: [],
          })
        : get().visitors;
    set({ invitations, visitors: answered, lastAnswer: invitation });
  },
  setFilter: (filter) => set({ filter }),
  setQuery: (query) => set({ query }),
}));
