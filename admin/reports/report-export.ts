/**
 * A report's download (CSV or XLSX) through the route table's exportReport, with progress. The
 * typed client reads JSON answers only; a file is read here over XMLHttpRequest, which reports how
 * much has arrived (fetch cannot, as with uploads in ../api/xhr-fetch.ts). A refusal is read as the
 * client reads one (errorFromResponse), so the page shows the server's error code and words.
 */
import { fail, ok, type Result } from '../../shared/errors.js';
import { errorFromResponse, urlFor, type FetchResponse } from '../../shared/protocol/rest-client.js';
import { routePath, routes, type RouteParams, type RouteQuery } from '../../shared/protocol/rest.js';
import { useSessionStore } from '../session/sessionStore.js';

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

/** Bytes received so far; total is null when the server did not say how many are coming. */
export type DownloadProgress = (received: number, total: number | null) => void;

export type ReportDownloader = (
  request: { params: RouteParams<'exportReport'>; query: RouteQuery<'exportReport'> },
  onProgress: DownloadProgress,
) => Promise<Result<ReportFile>>;

/** The file name the server gives (Content-Disposition, UTF-8 form first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** What errorFromResponse reads of a refused download: its status and its body as text. */
function refusal(status: number, body: Blob): FetchResponse {
  const response: FetchResponse = {
    ok: false,
    status,
    headers: { get: () => null },
    text: () => body.text(),
    json: () => body.text().then((text) => JSON.parse(text) as unknown),
    arrayBuffer: () => body.arrayBuffer(),
    clone: () => response,
  };
  return response;
}

export const downloadReport: ReportDownloader = ({ params, query }, onProgress) =>
  new Promise((resolve) => {
    const route = routes.exportReport;
    const xhr = new XMLHttpRequest();
    xhr.open(route.method, urlFor('', routePath(route.path, params), query as Record<string, unknown>));
    xhr.responseType = 'blob';
    const token = useSessionStore.getState().token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : null);
    xhr.onload = () => {
      const body = xhr.response as Blob;
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(ok({ blob: body, fileName: fileNameOf(xhr.getResponseHeader('content-disposition'), `${params.report}.${query.format}`) }));
      } else void errorFromResponse(refusal(xhr.status, body)).then(resolve);
    };
    xhr.onerror = () => resolve(fail('NETWORK', 'cannot reach the server'));
    xhr.send();
  });
