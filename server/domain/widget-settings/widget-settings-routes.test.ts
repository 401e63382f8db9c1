/**
 * 访客端设置 against the real server: bad settings and bad logos refused with a code and nothing
 * changed; a good change is audit-logged, reaches the public config and an open widget's socket at
 * once; 访客注册's required fields are enforced at the pre-chat answers and again at the start,
 * and the answers land on the profile the agent reads; the 技能组 menu routes the chat.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminGroup, AuditPage, CustomerProfile, ServerFrame } from '../../../shared/index.js';
import type { WidgetConfig, WidgetSettings } from '../../../shared/widget-settings.js';
import { call, newVisitor, RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, type Scene } from '../../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
type ConfigFrame = Extract<ServerFrame, { type: 'widget-config' }>;

/** A real 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe('访客端设置 routes', () => {
  let scene: Scene;
  const admin = <T>(method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token: scene.admin.token, body });
  const visitor = <T>(token: string, method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });
  const config = async () => (await call<WidgetConfig>(scene.server.url, 'GET', '/api/widget/config')).body;

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('refuses bad settings with a code naming the field, and changes nothing', async () => {
    const bad: [unknown, string, string][] = [
      [{ themeColor: '#12345' }, 'VALIDATION_FAILED', 'body.themeColor'],
      [{ themeColor: 'red' }, 'VALIDATION_FAILED', 'body.themeColor'],
      [{ position: 'top-left' }, 'VALIDATION_FAILED', 'body.position'],
      [{ title: 'x'.repeat(41) }, 'VALIDATION_FAILED', 'body.title'],
      [{ welcomeText: '欢'.repeat(501) }, 'VALIDATION_FAILED', 'body.welcomeText'],
      [
        { registration: { name: 'optional', phone: 'required', email: 'off', privacyNote: 'p'.repeat(301) } },
        'VALIDATION_FAILED',
        'body.registration.privacyNote',
      ],
      [{ registration: { name: 'maybe', phone: 'off', email: 'off', privacyNote: '' } }, 'VALIDATION_FAILED', 'body.registration.name'],
      [{ registration: { name: 'off', phone: 'off', privacyNote: '' } }, 'VALIDATION_FAILED', 'body.registration.email'],
      [{ groupMenu: { enabled: true, items: [{ groupId: 'no-such-group', label: '' }] } }, 'VALIDATION_FAILED', 'body.groupMenu.items.0.groupId'],
      [{ groupMenu: { enabled: true, items: [] } }, 'VALIDATION_FAILED', 'body.groupMenu.items'],
      [{ emojiPicker: 'yes' }, 'VALIDATION_FAILED', 'body.emojiPicker'],
      // The logo comes from its upload only: an id here (say, a conversation's attachment) is refused.
      [{ logo: { id: '0190b5a0-0000-7000-8000-000000000000', mime: 'image/png' } }, 'VALIDATION_FAILED', 'body.logo'],
      [{ colour: '#ff0000' }, 'VALIDATION_FAILED', 'body'],
      [{}, 'VALIDATION_FAILED', 'body'],
      // One bad field spoils the change: the good one is not applied either.
      [{ title: '小蜜客服', position: 'middle' }, 'VALIDATION_FAILED', 'body.position'],
    ];
    for (const [body, code, field] of bad) {
      const before = dbFingerprint(scene.server);
      const res = await admin<ErrorBody>('PATCH', '/api/admin/widget-settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(
        Object.keys(res.body.error.details ?? {}).some((key) => key.startsWith(field)),
        `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`,
      ).toBe(true);
      expect(dbFingerprint(scene.server)).toBe(before);
    }
    expect(await config()).toMatchObject({ title: '', themeColor: '#1664e3', position: 'bottom-right', groupMenu: [], logoUrl: null });
  });

  it('a good change is audit-logged, public at once with readable colours, and pushed to an open widget', async () => {
    const waiting = await newVisitor(scene.server.url);
    const widget = await RealtimeClient.connect(scene.server.url, waiting.token);
    scene.clients.push(widget);
    await widget.waitFor((f) => f.type === 'widget-config');
    const from = widget.frames.length;

    const group = (await admin<AdminGroup>('POST', '/api/admin/groups', { name: '售前组' })).body;
    const res = await admin<WidgetSettings>('PATCH', '/api/admin/widget-settings', {
      title: '小蜜客服',
      themeColor: '#FFD666',
      position: 'bottom-left',
      groupMenu: { enabled: true, items: [{ groupId: group.id, label: '购买咨询' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '小蜜客服', themeColor: '#ffd666', position: 'bottom-left' });

    const pushed = await widget.waitFor<ConfigFrame>((f) => f.type === 'widget-config', 10_000, from);
    expect(pushed.config).toMatchObject({ title: '小蜜客服', themeColor: '#ffd666', themeTextColor: '#1f1f1f', position: 'bottom-left' });
    expect(pushed.config.groupMenu).toEqual([{ groupId: group.id, label: '购买咨询' }]);
    expect(await config()).toEqual(pushed.config);

    const audit = (await admin<AuditPage>('GET', '/api/admin/audit?action=settings.update')).body;
    expect(audit.entries[0]).toMatchObject({ targetType: 'settings', targetId: 'widget', before: { title: '', position: 'bottom-right' } });
    expect(audit.entries[0]!.after).toMatchObject({ title: '小蜜客服', themeColor: '#ffd666', position: 'bottom-left' });

    // A group deleted later drops out of the menu widgets see.
    await admin('DELETE', `/api/admin/groups/${group.id}`);
    expect((await config()).groupMenu).toEqual([]);
    expect((await admin<WidgetSettings>('GET', '/api/admin/widget-settings')).body.groupMenu).toEqual({ enabled: false, items: [] });
  });

  it('logo: not an image, a page in disguise and too big are refused with nothing stored; a PNG is served until replaced or removed', async () => {
    const bad: [unknown, number, string][] = [
      [{ name: 'logo.png', dataBase64: base64('just some text, not a picture') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ name: 'logo.txt', dataBase64: base64('plain text') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ name: 'logo.png', dataBase64: base64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ name: 'logo.png', dataBase64: base64(Buffer.concat([Buffer.from(PNG_BASE64, 'base64'), Buffer.alloc(130 * 1024)])) }, 400, 'VALIDATION_FAILED'],
      [{ name: 'logo.png', dataBase64: 'not base64!' }, 400, 'VALIDATION_FAILED'],
      [{ name: 'logo.png' }, 400, 'VALIDATION_FAILED'],
      [{ name: 'logo.png', dataBase64: PNG_BASE64, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of bad) {
      const before = dbFingerprint(scene.server);
      const res = await admin<ErrorBody>('POST', '/api/admin/widget-settings/logo', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(dbFingerprint(scene.server)).toBe(before);
    }
    // Just over the limit but within the schema's base64 length: the server's own byte check.
    const tooBig = Buffer.concat([Buffer.from(PNG_BASE64, 'base64'), Buffer.alloc(128 * 1024)]).subarray(0, 128 * 1024 + 1);
    const big = await admin<ErrorBody>('POST', '/api/admin/widget-settings/logo', { name: 'logo.png', dataBase64: tooBig.toString('base64') });
    expect([400, 413]).toContain(big.status);

    const first = await admin<WidgetSettings>('POST', '/api/admin/widget-settings/logo', { name: 'logo.png', dataBase64: PNG_BASE64 });
    expect(first.status).toBe(200);
    const firstUrl = (await config()).logoUrl!;
    expect(firstUrl).toBe(`/api/widget/logo/${first.body.logo!.id}`);
    const served = await call<string>(scene.server.url, 'GET', firstUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');

    const second = await admin<WidgetSettings>('POST', '/api/admin/widget-settings/logo', { name: 'logo2.png', dataBase64: PNG_BASE64 });
    expect(second.body.logo!.id).not.toBe(first.body.logo!.id);
    expect((await call(scene.server.url, 'GET', firstUrl)).status).toBe(404);
    await admin('PATCH', '/api/admin/widget-settings', { logo: null });
    expect((await config()).logoUrl).toBeNull();
    expect((await call(scene.server.url, 'GET', `/api/widget/logo/${second.body.logo!.id}`)).status).toBe(404);
  });

  it('访客注册: a required field missing refuses the answers and the start with REGISTRATION_REQUIRED and changes nothing; given, the agent sees them', async () => {
    await goLive(scene, scene.agent1, 'online');
    await admin('PATCH', '/api/admin/widget-settings', {
      registration: { name: 'required', phone: 'required', email: 'optional', privacyNote: '仅用于联系您' },
    });
    const { token, visitorId } = await newVisitor(scene.server.url);

    const before = dbFingerprint(scene.server);
    const start = await visitor<ErrorBody>(token, 'POST', '/api/visitor/conversation');
    expect(start.status).toBe(400);
    expect(start.body.error).toMatchObject({ code: 'REGISTRATION_REQUIRED', details: { name: 'required', phone: 'required' } });
    const refusals: [unknown, string, string][] = [
      [{ name: '王小明' }, 'REGISTRATION_REQUIRED', 'body.phone'],
      [{ name: '王小明', phone: 'call me' }, 'VALIDATION_FAILED', 'body.phone'],
      [{ name: '王小明', phone: '13800138000', email: 'not-an-address' }, 'VALIDATION_FAILED', 'body.email'],
      [{ name: '王小明', phone: '13800138000', company: 'ACME' }, 'VALIDATION_FAILED', 'body'],
      [{ name: '王小明', phone: '13800138000', groupId: 'no-such-group' }, 'VALIDATION_FAILED', 'body.groupId'],
    ];
    for (const [body, code, field] of refusals) {
      const res = await visitor<ErrorBody>(token, 'POST', '/api/visitor/prechat', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
      expect(
        Object.keys(res.body.error.details ?? {}).some((key) => key.startsWith(field)),
        JSON.stringify(res.body),
      ).toBe(true);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    const answered = await visitor(token, 'POST', '/api/visitor/prechat', { name: '王小明', phone: '138 0013 8000', email: 'xm@example.com' });
    expect(answered.body).toMatchObject({ name: '王小明', phone: '138 0013 8000', email: 'xm@example.com' });
    const started = await visitor<{ outcome: string; conversation: { agentId: string } }>(token, 'POST', '/api/visitor/conversation');
    expect(started.body.outcome).toBe('started');
    expect(started.body.conversation.agentId).toBe(scene.agent1.agentId);
    const profile = await call<CustomerProfile>(scene.server.url, 'GET', `/api/visitors/${visitorId}/profile`, { token: scene.agent1.token });
    expect(profile.body).toMatchObject({ nickname: '王小明', phone: '138 0013 8000', email: 'xm@example.com' });
    // The phone also links the phone side's customer (客户资料), as an agent's edit would.
    expect(profile.body.customerId).toEqual(expect.any(String));
  });

  it('the 技能组 menu: a group outside it is refused, a chosen one routes the chat to that group', async () => {
    const presale = (await admin<AdminGroup>('POST', '/api/admin/groups', { name: '售前组' })).body;
    const other = (await admin<AdminGroup>('POST', '/api/admin/groups', { name: '内部组' })).body;
    await admin('PATCH', `/api/admin/agents/${scene.agent1.agentId}`, { groupId: presale.id });
    await goLive(scene, scene.agent1, 'online');
    await admin('PATCH', '/api/admin/widget-settings', { groupMenu: { enabled: true, items: [{ groupId: presale.id, label: '' }] } });
    expect((await config()).groupMenu).toEqual([{ groupId: presale.id, label: '售前组' }]);

    const { token } = await newVisitor(scene.server.url);
    const outside = await visitor<ErrorBody>(token, 'POST', '/api/visitor/prechat', { groupId: other.id });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual({ 'body.groupId': 'not in the menu' });
    // A `?group=` link still works for its own group, menu or not.
    const linked = await newVisitor(scene.server.url, { groupId: other.id });
    expect((await visitor(linked.token, 'POST', '/api/visitor/prechat', { groupId: other.id })).status).toBe(200);

    expect((await visitor(token, 'POST', '/api/visitor/prechat', { groupId: presale.id })).status).toBe(200);
    const started = await visitor<{ conversation: { groupId: string; agentId: string } }>(token, 'POST', '/api/visitor/conversation');
    expect(started.body.conversation).toMatchObject({ groupId: presale.id, agentId: scene.agent1.agentId });
  });
});
