/**
 * Image and file uploads: checked against LIMITS before a byte is sent, then POSTed as the raw
 * body with XMLHttpRequest, because fetch cannot report upload progress for big files.
 */
import { AttachmentSchema, type Attachment } from '../../../shared/domain.js';
import { IMAGE_MIME_TYPES, LIMITS } from '../../../shared/limits.js';
import { uploadRuleFor, type UploadRule } from '../../../shared/company-rules.js';
import { routes } from '../../../shared/protocol/rest.js';
import type { Result } from '../../../shared/errors.js';
import { errorFromBody, type WidgetApi } from './api.js';
import { t } from './i18n.js';
import type { Composer } from './views/composer.js';

export type UploadKind = 'image' | 'file';

export type UploadProblem = { key: 'imageTooBig' | 'fileTooBig'; mb: number } | { key: 'notImage' | 'uploadsOff' } | null;

/**
 * What a file breaks before upload (the server checks again, by the bytes): the company's rule for
 * visitors (公司设置 文件: sending at all, the size) within the hard limits — those alone until known.
 */
export function checkUpload(kind: UploadKind, file: { size: number; type: string }, rule: UploadRule = uploadRuleFor(null, 'visitor')): UploadProblem {
  if (!rule.allowed) return { key: 'uploadsOff' };
  if (kind === 'image') {
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(file.type)) return { key: 'notImage' };
    if (file.size > rule.imageBytesMax) return { key: 'imageTooBig', mb: megabytes(rule.imageBytesMax) };
    return null;
  }
  if (file.size > rule.fileBytesMax) return { key: 'fileTooBig', mb: megabytes(rule.fileBytesMax) };
  return null;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function uploadName(name: string): string {
  const trimmed = name.trim() || 'file';
  return trimmed.length > LIMITS.fileNameMax ? trimmed.slice(trimmed.length - LIMITS.fileNameMax) : trimmed;
}

export function uploadFile(api: WidgetApi, conversationId: string, file: File, onProgress: (fraction: number) => void): Promise<Result<Attachment>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(routes.upload.method, api.url(routes.upload.path, { conversationId, name: uploadName(file.name) }));
    for (const [name, value] of Object.entries(api.authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('error', () => resolve({ ok: false, error: { code: 'NETWORK', message: 'network error' } }));
    xhr.addEventListener('timeout', () => resolve({ ok: false, error: { code: 'TIMEOUT', message: 'timeout' } }));
    xhr.addEventListener('load', () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        resolve({ ok: false, error: errorFromBody(xhr.status, json) });
        return;
      }
      const parsed = AttachmentSchema.safeParse(json);
      resolve(parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { code: 'INTERNAL', message: 'unexpected upload response' } });
    });
    xhr.send(file);
  });
}

/**
 * A file the visitor picked, checked against the company's rule and uploaded with its progress in
 * the composer; the attachment, or null when a notice in the composer says why not.
 */
export async function uploadWithProgress(
  api: WidgetApi,
  conversationId: string,
  kind: UploadKind,
  file: File,
  rule: UploadRule,
  composer: Pick<Composer, 'showNotice' | 'showProgress'>,
): Promise<Attachment | null> {
  const problem = checkUpload(kind, file, rule);
  if (problem) {
    composer.showNotice('mb' in problem ? t(problem.key, { mb: problem.mb }) : t(problem.key));
    return null;
  }
  composer.showNotice(null);
  const progress = (fraction: number) => composer.showProgress(t('uploading', { name: file.name, pct: Math.round(fraction * 100) }), fraction);
  progress(0);
  const result = await uploadFile(api, conversationId, file, progress);
  composer.showProgress(null);
  if (!result.ok) composer.showNotice(t('uploadFailed', { reason: result.error.message }));
  return result.ok ? result.value : null;
}
