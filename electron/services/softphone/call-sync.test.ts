/**
 * The call log's sync against the REAL server in its own process: a record the server refuses
 * stays local with its error and does not hold back the calls after it; a call whose clock
 * jumped past the server's bounds is kept (cut to the bound) instead of being refused for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids.js';
import { CallRecordSchema, type CallRecord } from '../../../shared/phone.js';
import { LIMITS } from '../../../shared/limits.js';
import { createRestClient } from '../api/rest-client.js';
import { openDatabase, type Db } from '../cache/database.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { tempDir } from '../test-support/temp-dir.js';
import { createWorkstationEvents } from '../workstation-events.js';
import { finishRecord, startRecord } from './call-record.js';
import { createCallSyncer } from './call-sync.js';
import { getCall, saveCall } from './calls-repo.js';

const START = Date.UTC(2026, 11, 7, 9, 0, 0);

function record(startedAt: number, patch: Partial<CallRecord> = {}): CallRecord {
  const started = startRecord(
    { id: uuidv7(startedAt), direction: 'outbound', remoteNumber: '13800138000', startedAt } as Parameters<typeof startRecord>[0],
    'sip:1001@kefu.test',
    null,
  );
  return { ...finishRecord(started, startedAt + 1_000, startedAt + 61_000, 'answered'), ...patch };
}

describe('call log sync (real server process)', () => {
  let server: ServerProcess;
  let db: Db;
  let token: string;
  let agentId: string;

  beforeAll(async () => {
    server = await startServerProcess(tempDir('kefu-call-sync-server-'));
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'agent1', password: 'agent123' }),
    });
    const body = (await res.json()) as { token: string; agent: { id: string } };
    token = body.token;
    agentId = body.agent.id;
    db = openDatabase(tempDir('kefu-call-sync-desk-'));
  }, 60_000);
  afterAll(async () => {
    db.close();
    await server.kill('SIGTERM');
  });

  const serverCallIds = async (): Promise<string[]> => {
    const res = await fetch(`${server.url}/api/calls`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { id: string }[]).map((c) => c.id);
  };

  it('a refused record stays local with its error; the calls after it still reach the server', async () => {
    const refused = record(START, { wrapUpCodeId: 'no-such-wrap-up-code' });
    const later = record(START + 120_000);
    saveCall(db, agentId, refused, 'pending');
    saveCall(db, agentId, later, 'pending');
    const rest = createRestClient({ baseUrl: () => server.url, token: () => token });
    // An hour's backoff: the retry of the refused record never runs inside this test.
    const syncer = createCallSyncer({
      db,
      rest,
      events: createWorkstationEvents(),
      agentId: () => agentId,
      log: () => {},
      backoff: { initialMs: 3_600_000, maxMs: 3_600_000 },
    });
    try {
      syncer.kick();
      await syncer.idle();
      expect(getCall(db, later.id)?.state).toBe('synced');
      expect(getCall(db, refused.id)?.state).toBe('pending');
      const lastError = db.prepare('SELECT last_error FROM calls WHERE id = ?').pluck().get(refused.id);
      expect(String(lastError)).toMatch(/^VALIDATION_FAILED/);
      const ids = await serverCallIds();
      expect(ids).toContain(later.id);
      expect(ids).not.toContain(refused.id);
    } finally {
      syncer.stop();
    }
  });

  it('a call whose end jumped two days ahead is kept, cut to the longest call the server takes', async () => {
    const started = startRecord(
      { id: uuidv7(START), direction: 'inbound', remoteNumber: '10086', startedAt: START + 600_000 } as Parameters<typeof startRecord>[0],
      'sip:1001@kefu.test',
      null,
    );
    const jumped = finishRecord(started, START + 601_000, START + 600_000 + 2 * 86_400_000, 'answered');
    expect(CallRecordSchema.safeParse(jumped).success).toBe(true);
    expect(jumped.endedAt - jumped.startedAt).toBe(LIMITS.callSecondsMax * 1000);
    expect(jumped.durationSeconds).toBe(Math.round((jumped.endedAt - jumped.answeredAt!) / 1000));
    saveCall(db, agentId, jumped, 'pending');
    const rest = createRestClient({ baseUrl: () => server.url, token: () => token });
    const syncer = createCallSyncer({
      db,
      rest,
      events: createWorkstationEvents(),
      agentId: () => agentId,
      log: () => {},
      backoff: { initialMs: 3_600_000, maxMs: 3_600_000 },
    });
    try {
      syncer.kick();
      await syncer.idle();
      expect(getCall(db, jumped.id)?.state).toBe('synced');
    } finally {
      syncer.stop();
    }
  });
});
