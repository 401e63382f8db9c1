import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdminApi } from './admin-api.js';

/** What the upload sent, and the answer the test gives it. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static answer: { status: number; body: unknown } = { status: 200, body: null };
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return 'application/json';
  }
  abort() {
    this.onabort?.();
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
    this.upload.onprogress?.({ lengthComputable: true, loaded: 3, total: 6 });
    this.upload.onprogress?.({ lengthComputable: true, loaded: 6, total: 6 });
    this.status = FakeXhr.answer.status;
    this.responseText = JSON.stringify(FakeXhr.answer.body);
    queueMicrotask(() => this.onload?.());
  }
}

afterEach(() => vi.unstubAllGlobals());

const FILE = {
  id: 'f1',
  scope: 'public',
  ownerId: null,
  groupId: null,
  categoryId: null,
  name: 'a.txt',
  size: 6,
  mime: 'text/plain',
  isImage: false,
  sortOrder: 0,
  updatedAt: 1,
};

describe('uploads with progress (XMLHttpRequest under the typed client)', () => {
  it('sends the bytes with the session token, reports progress, validates the answer', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = { status: 200, body: FILE };
    const progress: number[] = [];
    const api = createAdminApi({ token: () => 'tok', onUnauthenticated: () => undefined });
    const bytes = new TextEncoder().encode('hello!');
    const result = await api.call('uploadFilePhrase', {
      query: { scope: 'public', name: 'a.txt' },
      bytes,
      onUploadProgress: (sent, total) => progress.push(sent / total),
    });
    expect(result).toEqual({ ok: true, value: FILE });
    expect(progress).toEqual([0.5, 1]);
    const sent = FakeXhr.last!;
    expect([sent.method, sent.url, sent.headers.authorization, sent.headers['content-type'], sent.body]).toEqual([
      'POST',
      '/api/file-phrases?scope=public&name=a.txt',
      'Bearer tok',
      'application/octet-stream',
      bytes,
    ]);
  });

  it('answers the server’s refusal with its code', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'not a file type we take', details: { name: 'type' } } } };
    const api = createAdminApi({ token: () => 'tok', onUnauthenticated: () => undefined });
    const result = await api.call('uploadFilePhrase', {
      query: { scope: 'public', name: 'a.exe' },
      bytes: new Uint8Array([1]),
      onUploadProgress: () => undefined,
    });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'not a file type we take', details: { name: 'type' } } });
  });
});
