/**
 * The company rules a visitor follows (uploads, their size, the rating's words and comment) reach
 * an open widget live, against the real server on both stores: a `visitor-rules` frame on connect
 * and after `PATCH /api/admin/settings` changes one of them — and only those four fields: a staff
 * setting changed alone sends nothing, and no staff setting ever rides along.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerFrameSchema, type ServerFrame, type ServerSettings } from '../../shared/index.js';
import { call, newVisitor, RealtimeClient } from '../testing/harness.js';
import { createScene, type Scene } from '../testing/scene.js';

type RulesFrame = Extract<ServerFrame, { type: 'visitor-rules' }>;
const isRules = (f: ServerFrame) => f.type === 'visitor-rules';
const RULE_KEYS = ['evaluationCommentEnabled', 'evaluationLabels', 'visitorUploadMaxMb', 'visitorUploadsEnabled'];
/** Staff settings a visitor must never read (names of ServerSettings fields). */
const STAFF_ONLY = [
  'agentUploadMaxMb',
  'summaryRequired',
  'agentsMayBlacklist',
  'sessionMaxHours',
  'refreshTokenDays',
  'evaluationAutoAsk',
  'settings.changed',
];

describe('visitor-rules push', () => {
  let scene: Scene;
  const patch = (body: Partial<ServerSettings>) => call<ServerSettings>(scene.server.url, 'PATCH', '/api/admin/settings', { token: scene.admin.token, body });

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('an open widget gets the rules on connect and after an admin changes them, never a staff setting', async () => {
    const visitor = await newVisitor(scene.server.url);
    const widget = await RealtimeClient.connect(scene.server.url, visitor.token);
    scene.clients.push(widget);

    const first = await widget.waitFor<RulesFrame>(isRules);
    expect(Object.keys(first.rules).sort()).toEqual(RULE_KEYS);
    expect(first.rules).toMatchObject({ visitorUploadsEnabled: true, evaluationCommentEnabled: true });
    const from = widget.frames.length;

    // Staff settings alone: nothing for visitors.
    expect((await patch({ summaryRequired: false, agentUploadMaxMb: 5, agentsMayBlacklist: true })).status).toBe(200);
    expect((await patch({ visitorUploadsEnabled: false, visitorUploadMaxMb: 3 })).status).toBe(200);
    const pushed = await widget.waitFor<RulesFrame>(isRules, 10_000, from);
    expect(pushed.rules).toEqual({ ...first.rules, visitorUploadsEnabled: false, visitorUploadMaxMb: 3 });
    expect(widget.frames.slice(from).filter(isRules)).toHaveLength(1);

    const labels: ServerSettings['evaluationLabels'] = ['很差', '', '', '', '棒极了'];
    expect((await patch({ visitorUploadsEnabled: true, evaluationLabels: labels, evaluationCommentEnabled: false })).status).toBe(200);
    const again = await widget.waitFor<RulesFrame>(isRules, 10_000, widget.frames.indexOf(pushed) + 1);
    expect(again.rules).toEqual({ visitorUploadsEnabled: true, visitorUploadMaxMb: 3, evaluationLabels: labels, evaluationCommentEnabled: false });

    // Every frame the widget got is one it can parse, and none carries a staff setting.
    for (const frame of widget.frames) expect(ServerFrameSchema.safeParse(frame).success, JSON.stringify(frame)).toBe(true);
    const everything = JSON.stringify(widget.frames);
    for (const name of STAFF_ONLY) expect(everything, name).not.toContain(name);

    // A widget connecting now starts from the current rules.
    const later = await RealtimeClient.connect(scene.server.url, (await newVisitor(scene.server.url)).token);
    scene.clients.push(later);
    expect((await later.waitFor<RulesFrame>(isRules)).rules).toEqual(again.rules);
  });

  it("the visitor's session answer carries the same rules and the queue timeout, no staff setting", async () => {
    const session = await call<{ settings: Record<string, unknown> }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    expect(session.status).toBe(200);
    expect(Object.keys(session.body.settings).sort()).toEqual([...RULE_KEYS, 'queueTimeoutSeconds'].sort());
    const text = JSON.stringify(session.body);
    for (const name of [...STAFF_ONLY, 'sessionIdleMinutes', 'autoCloseMinutes']) expect(text, name).not.toContain(name);
  });
});
