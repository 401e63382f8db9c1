import { create } from 'zustand';
import type { AppError } from '../../shared/errors.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import type { InvokeRequest, LocalMessage } from '../../shared/ipc/contract.js';
import { uuidv7 } from '../../shared/ids.js';
import { invoke, kefu } from '../app/kefu.js';
import { readFileAsBase64 } from '../dialog/readFile.js';

export interface UploadProgress {
  uploadId: string;
  name: string;
  sent: number;
  total: number;
}

interface FilePhrasesState {
  files: FilePhrase[];
  loaded: boolean;
  /** The upload under way, for the progress bar; null when none. */
  upload: UploadProgress | null;
  /** Reads the workstation's cache (instant, offline too). */
  load(): Promise<void>;
  uploadFile(file: File, categoryId: string | null): Promise<AppError | null>;
  update(id: string, patch: InvokeRequest<'file-phrases:update'>['patch']): Promise<AppError | null>;
  remove(id: string): Promise<AppError | null>;
  /** Sends the canned file as a file message; answers the message (shown 'sending') or the error. */
  send(id: string, conversationId: string): Promise<{ ok: true; message: LocalMessage } | { ok: false; error: AppError }>;
}

/** Canned files this agent may use (public + 我的), from the cache; reloaded on `phrases:changed`. */
export const useFilePhrasesStore = create<FilePhrasesState>()((set, get) => ({
  files: [],
  loaded: false,
  upload: null,
  async load() {
    const result = await invoke('file-phrases:list', undefined);
    if (result.ok) set({ files: result.value.files, loaded: true });
  },
  async uploadFile(file, categoryId) {
    const uploadId = uuidv7(Date.now());
    set({ upload: { uploadId, name: file.name, sent: 0, total: file.size } });
    try {
      const dataBase64 = await readFileAsBase64(file);
      const result = await invoke('file-phrases:upload', { uploadId, file: { name: file.name, dataBase64 }, categoryId });
      await get().load();
      return result.ok ? null : result.error;
    } finally {
      set({ upload: null });
    }
  },
  async update(id, patch) {
    const result = await invoke('file-phrases:update', { id, patch });
    await get().load();
    return result.ok ? null : result.error;
  },
  async remove(id) {
    const result = await invoke('file-phrases:delete', { id });
    await get().load();
    return result.ok ? null : result.error;
  },
  async send(id, conversationId) {
    const result = await invoke('file-phrases:send', { id, conversationId });
    return result.ok ? { ok: true, message: result.value } : { ok: false, error: result.error };
  },
}));

/** Keeps the store in step with the cache and the upload's progress; returns the unsubscribe function. */
export function subscribeFilePhrases(): () => void {
  void useFilePhrasesStore.getState().load();
  const offChanged = kefu().on('phrases:changed', () => void useFilePhrasesStore.getState().load());
  const offProgress = kefu().on('file-phrases:upload-progress', ({ uploadId, sent, total }) => {
    const current = useFilePhrasesStore.getState().upload;
    if (current?.uploadId === uploadId) useFilePhrasesStore.setState({ upload: { ...current, sent, total } });
  });
  return () => {
    offChanged();
    offProgress();
  };
}
