/**
 * fetch() cannot report how much of a request body was sent; XMLHttpRequest can. This is the
 * shared route client's FetchPort over XMLHttpRequest, so an upload through the typed client
 * (validation, error codes, timeouts) shows honest progress. Only uploads use it.
 */
import type { FetchInit, FetchPort, FetchResponse } from '../../shared/protocol/rest-client.js';

/** Bytes of the body sent so far, of `total`. */
export type UploadProgress = (sent: number, total: number) => void;

function textResponse(status: number, text: string, header: (name: string) => string | null): FetchResponse {
  const response: FetchResponse = {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: header },
    text: () => Promise.resolve(text),
    json: () => Promise.resolve().then(() => JSON.parse(text) as unknown),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer),
    clone: () => response,
  };
  return response;
}

export function xhrFetch(onProgress: UploadProgress): FetchPort['fetch'] {
  return (url: string, init: FetchInit) =>
    new Promise<FetchResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method, url);
      for (const [name, value] of Object.entries(init.headers ?? {})) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      };
      xhr.onload = () => resolve(textResponse(xhr.status, xhr.responseText, (name) => xhr.getResponseHeader(name)));
      xhr.onerror = () => reject(new TypeError('network error'));
      const signal = init.signal as AbortSignal | undefined;
      // The route client's timeout: abort, and fail with the signal's reason (a TimeoutError).
      xhr.onabort = () => reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}
