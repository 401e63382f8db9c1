/**
 * 常用文件: the list comes from the cache (offline too); changes go to the server, then the cache
 * re-syncs. It also re-syncs on (re)connect and on the server's `phrases.changed` hint (the
 * internal `phrases:outdated`), so an admin's change reaches every workstation without a re-login.
 *
 * Send: the server makes the canned file an attachment of the conversation (the bytes live there),
 * then the message enters the outbox through the same enqueue as every other message — written
 * locally first, shown 'sending', delivered with its client id (idempotent) once online.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import { FILE_PHRASE_LIMITS, type FilePhraseList } from '../../../shared/file-phrases.js';
import type { Agent } from '../../../shared/domain.js';
import type { RestClient } from '../api/rest-client.js';
import type { ClosingGate } from '../base/closing-gate.js';
import type { InternalBus } from '../base/internal-bus.js';
import { DisposableStore, type Disposable } from '../base/lifecycle.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Log } from '../logger.js';
import type { Outbox } from '../sync/outbox.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';
import { cachedFilePhrase, cachedFilePhrases, replaceFilePhrases } from './file-phrase-cache.js';
import { uploadFilePhraseWithProgress } from './upload-with-progress.js';

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UPLOAD_TIMEOUT_MS = 120_000;

export interface FilePhraseServiceDeps {
  db: Db;
  rest: RestClient;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  internal: InternalBus;
  gate: ClosingGate;
  outbox: Pick<Outbox, 'enqueue'>;
  /** The logged-in agent and the token the upload (a plain HTTP request with progress) carries. */
  signedIn(): { agent: Agent; token: string } | null;
  serverUrl(): string;
  log: Log;
}

export interface FilePhraseService extends Disposable {
  list(): Reply<'file-phrases:list'>;
  upload(request: Request<'file-phrases:upload'>): Reply<'file-phrases:upload'>;
  update(request: Request<'file-phrases:update'>): Reply<'file-phrases:update'>;
  remove(request: Request<'file-phrases:delete'>): Reply<'file-phrases:delete'>;
  createCategory(request: Request<'phrase-categories:create'>): Reply<'phrase-categories:create'>;
  send(request: Request<'file-phrases:send'>): Reply<'file-phrases:send'>;
}

export function createFilePhraseService(deps: FilePhraseServiceDeps): FilePhraseService {
  const { db, rest, remote, events, gate } = deps;
  const store = new DisposableStore();
  const agentId = () => deps.signedIn()?.agent.id ?? null;

  const fetchIntoCache = (): Promise<Result<FilePhraseList>> =>
    gate.run(async () => {
      const id = agentId();
      if (!id) return needLogin();
      const result = remote(await rest.call('listFilePhrases'));
      if (!result.ok) return result;
      if (agentId() !== id) return needLogin();
      replaceFilePhrases(db, id, result.value.files);
      events.emit('phrases:changed', { count: result.value.files.length });
      return result;
    });

  // Hints can come in bursts (a replay after a long absence): one fetch at a time, plus one more
  // if anything asked while it ran, so the last change is always fetched after it happened.
  let running: Promise<Result<FilePhraseList>> | null = null;
  let again = false;
  function sync(): Promise<Result<FilePhraseList>> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: Result<FilePhraseList>;
      do {
        again = false;
        result = await fetchIntoCache();
      } while (again && result.ok);
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  }
  const logFailure = (error: unknown) => deps.log('file phrase sync failed', error instanceof Error ? error.message : String(error));
  const syncInBackground = () =>
    gate.runInBackground(async () => {
      const result = await sync();
      if (!result.ok) logFailure(new Error(result.error.message));
    }, logFailure);

  store.add(deps.internal.on('connection:online', syncInBackground));
  store.add(deps.internal.on('phrases:outdated', syncInBackground));

  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await sync();
    return remote(result);
  }

  return {
    async list() {
      const id = agentId();
      return id ? ok({ files: cachedFilePhrases(db, id) }) : needLogin();
    },
    async upload({ uploadId, file, categoryId }) {
      const current = deps.signedIn();
      if (!current) return needLogin();
      if (!BASE64.test(file.dataBase64)) return fail('VALIDATION_FAILED', 'the file is not valid base64', { 'file.dataBase64': 'not base64' });
      const bytes = Buffer.from(file.dataBase64, 'base64');
      if (bytes.length === 0) return fail('VALIDATION_FAILED', 'the file is empty');
      if (bytes.length > FILE_PHRASE_LIMITS.bytesMax) return fail('PAYLOAD_TOO_LARGE', `the file is larger than ${FILE_PHRASE_LIMITS.bytesMax} bytes`);
      const result = await uploadFilePhraseWithProgress(
        { serverUrl: deps.serverUrl(), token: current.token, timeoutMs: UPLOAD_TIMEOUT_MS },
        { scope: 'personal', name: file.name, ...(categoryId ? { categoryId } : {}) },
        bytes,
        (sent, total) => events.emit('file-phrases:upload-progress', { uploadId, sent, total }),
      );
      return changed(result);
    },
    update: async ({ id, patch }) => changed(await rest.call('updateFilePhrase', { params: { id }, body: patch })),
    async remove({ id }) {
      const result = await changed(await rest.call('deleteFilePhrase', { params: { id } }));
      return result.ok ? ok(null) : result;
    },
    async createCategory({ name }) {
      const id = agentId();
      if (!id) return needLogin();
      const result = remote(await rest.call('createPhraseCategory', { body: { scope: 'personal', name } }));
      // Phrases and canned files re-sync their categories on this (the server's own hint follows too).
      if (result.ok) deps.internal.emit('phrases:outdated', { ownerId: id });
      return result;
    },
    async send({ id, conversationId }) {
      const agent = deps.signedIn()?.agent;
      if (!agent) return needLogin();
      if (!cachedFilePhrase(db, agent.id, id)) return fail('NOT_FOUND', 'no such canned file');
      const attached = remote(await rest.call('attachFilePhrase', { params: { id }, body: { conversationId } }));
      if (!attached.ok) return attached;
      const queued = deps.outbox.enqueue({ conversationId, kind: 'attached', attachment: attached.value });
      // Sent from the 常用文件 panel, not the dialog's input: the dialog learns of it from the event.
      if (queued.ok) events.emit('message:upserted', queued.value);
      return queued;
    },
    dispose: () => store.dispose(),
  };
}
