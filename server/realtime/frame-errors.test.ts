/**
 * An unexpected error in a frame handler (issue 10) still reaches the client only as INTERNAL,
 * and now also reaches the server's log — through the real Fastify/pino logger, recorded here
 * from its output stream — with the frame type, the principal and the stack, and without the
 * frame's text or the token. A refusal the domain meant is not logged.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import { RealtimeClient } from '../testing/harness.js';
import { liveChatScene, type Scene, type VisitorChat } from '../testing/scene.js';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;
type NackFrame = Extract<ServerFrame, { type: 'nack' }>;

interface LogLine {
  level: number;
  msg: string;
  frame?: string;
  principal?: Record<string, string>;
  err?: { type: string; message: string; stack: string };
}

/** What pino writes, one JSON object a line, kept in order. */
class RecordingStream extends Writable {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as LogLine);
    }
    done();
  }
  frameFailures(): LogLine[] {
    return this.lines.filter((line) => line.msg === 'realtime frame failed');
  }
}

describe('unexpected errors of realtime frames', () => {
  const log = new RecordingStream();
  let scene: Scene;
  let chat: VisitorChat;
  let visitor: RealtimeClient;
  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene({ logger: { level: 'error', stream: log } }));
    visitor = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitor);
  });
  afterAll(() => scene.dispose());

  it('a failing draft handler: INTERNAL frame to the visitor, one error line with frame, principal and stack, no text or token', async () => {
    const byId = vi.spyOn(scene.server.store.conversations, 'byId').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    try {
      const mark = visitor.frames.length;
      visitor.send({ type: 'draft', conversationId: chat.conversationId, text: '我的手机号是 13800138000' });
      const frame = await visitor.waitFor<ErrorFrame>((f) => f.type === 'error', 5000, mark);
      expect(frame.error).toEqual({ code: 'INTERNAL', message: 'Something went wrong on the server' });
    } finally {
      byId.mockRestore();
    }
    // Logged before the frame was sent, so it is there once the frame arrived.
    const [line, ...more] = log.frameFailures();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 50, frame: 'draft', principal: { kind: 'visitor', visitorId: chat.visitorId } });
    expect(line!.err?.message).toBe('disk I/O error');
    expect(line!.err?.stack).toMatch(/^Error: disk I\/O error\n\s+at /);
    const written = log.raw.join('\n');
    expect(written).not.toContain('13800138000');
    expect(written).not.toContain(chat.token);
  });

  it('a refusal (a visitor sending typing) is answered and not logged', async () => {
    const before = log.frameFailures().length;
    const mark = visitor.frames.length;
    visitor.send({ type: 'typing', conversationId: chat.conversationId, typing: true });
    expect(await visitor.waitFor<ErrorFrame>((f) => f.type === 'error', 5000, mark)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(log.frameFailures()).toHaveLength(before);
  });

  it('a failed group commit: the message is nacked INTERNAL and the failure logged once, without its text', async () => {
    const before = log.frameFailures().length;
    const commit = vi.spyOn(scene.server.store, 'transactionEach').mockImplementation(() => {
      throw new Error('database is locked');
    });
    try {
      const clientId = uuidv7();
      visitor.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '密码是 hunter2' } });
      const nack = await visitor.waitFor<NackFrame>((f) => f.type === 'nack' && f.clientId === clientId);
      expect(nack.error.code).toBe('INTERNAL');
    } finally {
      commit.mockRestore();
    }
    const lines = log.frameFailures().slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      frame: 'message.send',
      principal: { kind: 'visitor', visitorId: chat.visitorId },
      err: { message: 'database is locked' },
    });
    expect(log.raw.join('\n')).not.toContain('hunter2');
  });
});
