/**
 * IPC handlers of canned files (shared/ipc/file-phrases.ts). The list comes from the cache (offline
 * too); changes go to the server, then the cache is re-synced. The cache re-syncs on (re)connect
 * and whenever the server's `phrases.changed` hint arrives (`phrases:outdated`), so an admin's
 * change reaches every workstation without a re-login.
 *
 * Send: the server makes the canned file an attachment of the conversation (needs the server, as
 * the bytes live there), then the message goes through the outbox like any file message — written
 * locally first, shown 'sending', delivered with its client id (idempotent) once online.
 */
import { uuidv7 } from '../../../shared/ids.js';
import { fail, ok, type Result } from '../../../shared/errors.js';
import { FILE_PHRASE_LIMITS, type FilePhraseList } from '../../../shared/file-phrases.js';
import type { filePhraseInvokeChannels } from '../../../shared/ipc/file-phrases.js';
import { addOutboxEntry, getOutboxEntry, setOutboxAttachment } from '../cache/outbox-repo.js';
import { outboxMessage } from '../sync/local-messages.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';
import { cachedFilePhrase, cachedFilePhrases, replaceFilePhrases } from './file-phrase-cache.js';
import { uploadFilePhraseWithProgress } from './upload-with-progress.js';

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UPLOAD_TIMEOUT_MS = 120_000;

export function createFilePhraseHandlers(core: WorkstationCore): Pick<InvokeHandlers, keyof typeof filePhraseInvokeChannels> {
  const { db, rest, events, session } = core;
  const agentId = () => session.current()?.agent.id ?? null;

  async function fetchIntoCache(): Promise<Result<FilePhraseList>> {
    const id = agentId();
    if (!id) return needLogin();
    const result = core.watchAuth(await rest.call('listFilePhrases'));
    if (!result.ok) return result;
    if (agentId() !== id) return needLogin();
    // The services may have shut down (cache closed) while the request was out: nothing to keep.
    if (!db.open) return fail('INTERNAL', 'the workstation cache is closed');
    replaceFilePhrases(db, id, result.value.files);
    events.emit('phrases:changed', { count: result.value.files.length });
    return result;
  }

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
  const syncInBackground = () =>
    void sync().then(
      (r) => {
        if (!r.ok) core.log('file phrase sync failed', r.error.message);
      },
      (error: unknown) => core.log('file phrase sync failed', String(error)),
    );

  let online = false;
  events.on('connection:changed', ({ state }) => {
    const wasOnline = online;
    online = state === 'online';
    if (online && !wasOnline) syncInBackground();
  });
  events.on('phrases:outdated', syncInBackground);

  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await sync();
    return core.watchAuth(result);
  }

  return {
    'file-phrases:list': async () => {
      const id = agentId();
      return id ? ok({ files: cachedFilePhrases(db, id) }) : needLogin();
    },
    'file-phrases:upload': async ({ uploadId, file, categoryId }) => {
      const current = session.current();
      if (!current) return needLogin();
      if (!BASE64.test(file.dataBase64)) return fail('VALIDATION_FAILED', 'the file is not valid base64', { 'file.dataBase64': 'not base64' });
      const bytes = Buffer.from(file.dataBase64, 'base64');
      if (bytes.length === 0) return fail('VALIDATION_FAILED', 'the file is empty');
      if (bytes.length > FILE_PHRASE_LIMITS.bytesMax) return fail('PAYLOAD_TOO_LARGE', `the file is larger than ${FILE_PHRASE_LIMITS.bytesMax} bytes`);
      const result = await uploadFilePhraseWithProgress(
        { serverUrl: core.settings().serverUrl, token: current.token, timeoutMs: UPLOAD_TIMEOUT_MS },
        { scope: 'personal', name: file.name, ...(categoryId ? { categoryId } : {}) },
        bytes,
        (sent, total) => events.emit('file-phrases:upload-progress', { uploadId, sent, total }),
      );
      return changed(result);
    },
    'file-phrases:update': async ({ id, patch }) => changed(await rest.call('updateFilePhrase', { params: { id }, body: patch })),
    'file-phrases:delete': async ({ id }) => {
      const result = await changed(await rest.call('deleteFilePhrase', { params: { id } }));
      return result.ok ? ok(null) : result;
    },
    'phrase-categories:create': async ({ name }) => {
      const id = agentId();
      if (!id) return needLogin();
      const result = core.watchAuth(await rest.call('createPhraseCategory', { body: { scope: 'personal', name } }));
      // The phrases handlers re-sync categories on this (the server's own hint follows too).
      if (result.ok) events.emit('phrases:outdated', { ownerId: id });
      return result;
    },
    'file-phrases:send': async ({ id, conversationId }) => {
      const agent = session.current()?.agent;
      if (!agent) return needLogin();
      if (!cachedFilePhrase(db, agent.id, id)) return fail('NOT_FOUND', 'no such canned file');
      const attached = core.watchAuth(await rest.call('attachFilePhrase', { params: { id }, body: { conversationId } }));
      if (!attached.ok) return attached;
      const attachment = attached.value;
      const clientId = uuidv7(Date.now());
      const entry = db.transaction(() => {
        addOutboxEntry(db, {
          clientId,
          agentId: agent.id,
          conversationId,
          kind: attachment.isImage ? 'image' : 'file',
          // Like the server: a file message's text is the file's name.
          text: attachment.name,
          fileName: attachment.name,
          fileBytes: null,
          createdAt: Date.now(),
        });
        // Already on the server: the outbox skips the upload step and only sends the message.
        setOutboxAttachment(db, clientId, attachment);
        return getOutboxEntry(db, clientId);
      })();
      if (!entry) return fail('INTERNAL', 'the message could not be queued');
      const message = outboxMessage(entry, agent);
      events.emit('message:upserted', message);
      events.emit('connection:changed', core.connectionState());
      core.outbox.kick();
      return ok(message);
    },
  };
}
