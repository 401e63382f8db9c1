import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract.js';
import type { Invitation, SiteVisitor } from '../../../shared/protocol/rest-site-visitors.js';
import { sampleInvitation, sampleSiteVisitor } from '../../../shared/testing/sample-site-visitor.js';
import type { RestClient } from '../api/rest-client.js';
import { createInternalBus } from '../base/internal-bus.js';
import { toDisposable } from '../base/lifecycle.js';
import type { SiteVisitorFrame } from '../sync/realtime-client.js';
import { waitFor } from '../test-support/wait-for.js';
import { createSiteVisitorService, type SiteVisitorService } from './site-visitor-service.js';
import { VisitorChangeBatch } from './visitor-changes.js';

const visitor = sampleSiteVisitor;
const invitation = (over: Partial<Invitation> = {}): Invitation =>
  sampleInvitation({ id: 'i1', visitorId: 'v1', agentId: 'a1', state: 'accepted', createdAt: 1, answeredAt: 2, conversationId: 'c1', ...over });

describe('VisitorChangeBatch', () => {
  it('keeps the last word per visitor, so upserted and left never share a visitor', () => {
    const batch = new VisitorChangeBatch();
    batch.upsert(visitor('a', { pagesViewed: 1 }));
    batch.upsert(visitor('b'));
    batch.upsert(visitor('a', { pagesViewed: 2 }));
    batch.leave('b');
    batch.leave('c');
    batch.upsert(visitor('c', { pagesViewed: 5 }));
    const changes = batch.take();
    expect(changes.upserted.map((v) => [v.visitorId, v.pagesViewed])).toEqual([
      ['a', 2],
      ['c', 5],
    ]);
    expect(changes.left).toEqual(['b']);
    expect(batch.take()).toEqual({ upserted: [], left: [] });
  });

  it('lays the changes over a snapshot: changed rows keep their place, arrivals come last, leavers go', () => {
    const batch = new VisitorChangeBatch();
    batch.upsert(visitor('new'));
    batch.upsert(visitor('b', { pagesViewed: 9 }));
    batch.leave('a');
    const merged = batch.applyTo([visitor('a'), visitor('b'), visitor('c')]);
    expect(merged.map((v) => [v.visitorId, v.pagesViewed])).toEqual([
      ['b', 9],
      ['c', 1],
      ['new', 1],
    ]);
    expect(batch.size).toBe(0);
  });
});

/** The service against doubles of its ports: a REST client answering from a script, a realtime client the test drives. */
function harness(options: { snapshot?: () => Result<SiteVisitor[]>; invite?: (clientId: string) => Result<Invitation> } = {}) {
  const listeners = new Set<(frame: SiteVisitorFrame) => void>();
  const watchRequests: boolean[] = [];
  const restCalls: { name: string; options: unknown }[] = [];
  let snapshotGate: Promise<void> = Promise.resolve();
  const rest = {
    async call(name: string, callOptions: unknown) {
      restCalls.push({ name, options: callOptions });
      if (name === 'listSiteVisitors') {
        await snapshotGate;
        return options.snapshot?.() ?? ok([]);
      }
      const body = (callOptions as { body: { clientId: string } }).body;
      return options.invite?.(body.clientId) ?? ok(invitation({ state: 'pending' }));
    },
  } as unknown as RestClient;
  const emitted: { channel: EventChannel; payload: unknown }[] = [];
  const internal = createInternalBus();
  const service = createSiteVisitorService({
    rest,
    remote: (result) => result,
    events: { emit: (channel, payload) => void emitted.push({ channel, payload }) },
    internal,
    realtime: {
      watchSiteVisitors: (watch) => void watchRequests.push(watch),
      onSiteVisitorFrame(listener) {
        listeners.add(listener);
        return toDisposable(() => listeners.delete(listener));
      },
    },
    agentId: () => 'a1',
    log: () => undefined,
    batchMs: 20,
    inviteRetryMs: 1,
  });
  return {
    service,
    internal,
    watchRequests,
    restCalls,
    frame: (frame: SiteVisitorFrame) => listeners.forEach((l) => l(frame)),
    /** Holds the next snapshot until the returned function is called. */
    holdSnapshot() {
      let release!: () => void;
      snapshotGate = new Promise((resolve) => (release = resolve));
      return () => release();
    },
    changes: () => emitted.filter((e) => e.channel === 'site-visitors:changed').map((e) => e.payload as EventPayload<'site-visitors:changed'>),
    answered: () => emitted.filter((e) => e.channel === 'invitation:answered').map((e) => e.payload),
  };
}

let service: SiteVisitorService | null = null;
afterEach(() => service?.dispose());

describe('the site-visitor service', () => {
  it('asks for deltas before the snapshot and lays those that came meanwhile over it', async () => {
    const h = harness({ snapshot: () => ok([visitor('a'), visitor('b')]) });
    service = h.service;
    const release = h.holdSnapshot();
    const watched = h.service.watch();
    await waitFor('snapshot requested', () => h.restCalls.length === 1);
    expect(h.watchRequests).toEqual([true]);
    h.frame({ type: 'site-visitor.left', visitorId: 'a' });
    h.frame({ type: 'site-visitor', visitor: visitor('c') });
    release();
    const result = await watched;
    expect(result.ok && result.value.map((v) => v.visitorId)).toEqual(['b', 'c']);
    // What was laid over the snapshot is not sent again.
    h.frame({ type: 'site-visitor', visitor: visitor('b', { pagesViewed: 3 }) });
    await waitFor('a batch', () => h.changes().length === 1);
    expect(h.changes()).toEqual([{ upserted: [visitor('b', { pagesViewed: 3 })], left: [] }]);
  });

  it('forwards a burst as one batch with the last state per visitor, and nothing after unwatch', async () => {
    const h = harness();
    service = h.service;
    await h.service.watch();
    for (let page = 1; page <= 50; page++) h.frame({ type: 'site-visitor', visitor: visitor('a', { pagesViewed: page }) });
    h.frame({ type: 'site-visitor', visitor: visitor('gone') });
    h.frame({ type: 'site-visitor.left', visitorId: 'gone' });
    await waitFor('a batch', () => h.changes().length === 1);
    expect(h.changes()[0]).toEqual({ upserted: [visitor('a', { pagesViewed: 50 })], left: ['gone'] });

    await h.service.unwatch();
    expect(h.watchRequests).toEqual([true, false]);
    h.frame({ type: 'site-visitor', visitor: visitor('late') });
    // A later watch's batch proves the timer ran; the unwatched frame is not in it.
    await h.service.watch();
    h.frame({ type: 'site-visitor', visitor: visitor('after') });
    await waitFor('second batch', () => h.changes().length === 2);
    expect(h.changes()[1]!.upserted.map((v) => v.visitorId)).toEqual(['after']);
  });

  it('after a reconnect re-reads the list and tells the page who left meanwhile', async () => {
    let onSite = [visitor('a'), visitor('b')];
    const h = harness({ snapshot: () => ok(onSite) });
    service = h.service;
    await h.service.watch();
    onSite = [visitor('b', { pagesViewed: 4 }), visitor('c')];
    h.internal.emit('connection:online', {});
    await waitFor('the difference', () => h.changes().length === 1);
    expect(h.changes()[0]).toEqual({ upserted: onSite, left: ['a'] });
  });

  it('a failed snapshot stops the watch and answers the error', async () => {
    const h = harness({ snapshot: () => fail('NETWORK', 'cannot reach the server') });
    service = h.service;
    const result = await h.service.watch();
    expect(result.ok || result.error.code).toBe('NETWORK');
    expect(h.watchRequests).toEqual([true, false]);
  });

  it('retries a lost invitation with the same clientId, and passes answers (not pending ones) to the page', async () => {
    const clientIds: string[] = [];
    const h = harness({
      invite(clientId) {
        clientIds.push(clientId);
        return clientIds.length === 1 ? fail('TIMEOUT', 'no answer') : ok(invitation({ state: 'pending' }));
      },
    });
    service = h.service;
    const result = await h.service.invite({ visitorId: 'v1', text: '需要帮忙吗？' });
    expect(result.ok && result.value.state).toBe('pending');
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1]).toBe(clientIds[0]);
    expect(h.restCalls[0]!.options).toEqual({ params: { visitorId: 'v1' }, body: { clientId: clientIds[0], text: '需要帮忙吗？' } });

    h.frame({ type: 'invitation', invitation: invitation({ state: 'pending' }) });
    h.frame({ type: 'invitation', invitation: invitation({ state: 'declined' }) });
    expect(h.answered()).toEqual([invitation({ state: 'declined' })]);
  });

  it('a refused invitation is not retried', async () => {
    const clientIds: string[] = [];
    const h = harness({
      invite(clientId) {
        clientIds.push(clientId);
        return fail('CONFLICT', 'already chatting');
      },
    });
    service = h.service;
    const result = await h.service.invite({ visitorId: 'v1', text: '' });
    expect(result.ok || result.error.code).toBe('CONFLICT');
    expect(clientIds).toHaveLength(1);
  });
});
