/** REST routes of canned phrases (常用语 / 常用链接), canned files (常用文件) and auto-reply (自动应答), issue 5. */
import { z } from 'zod';
import {
  AutoReplySchema,
  AutoReplyStateSchema,
  CompanyAutoReplySchema,
  NewPhraseBodySchema,
  NewPhraseCategoryBodySchema,
  PhraseCategorySchema,
  PhraseListSchema,
  PhraseSchema,
  UpdatePhraseBodySchema,
  UpdatePhraseCategoryBodySchema,
} from '../phrases.js';
import {
  AttachFilePhraseBodySchema,
  FilePhraseListSchema,
  FilePhraseSchema,
  UpdateFilePhraseBodySchema,
  UploadFilePhraseQuerySchema,
} from '../file-phrases.js';
import { AttachmentSchema } from '../domain.js';
import type { RouteDef } from './rest.js';

const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
const Ok = z.strictObject({ ok: z.literal(true) });

export const phraseRoutes = {
  listPhrases: {
    method: 'GET',
    path: '/api/phrases',
    access: 'staff',
    summary: 'Public phrases and categories plus the caller’s personal ones',
    response: PhraseListSchema,
  },
  createPhrase: {
    method: 'POST',
    path: '/api/phrases',
    access: 'staff',
    summary: 'Add a phrase (public: admins only; personal: for the caller)',
    body: NewPhraseBodySchema,
    response: PhraseSchema,
  },
  updatePhrase: {
    method: 'PATCH',
    path: '/api/phrases/:id',
    access: 'staff',
    summary: 'Change a phrase (public: admins; personal: its owner)',
    params: IdParams,
    body: UpdatePhraseBodySchema,
    response: PhraseSchema,
  },
  deletePhrase: {
    method: 'DELETE',
    path: '/api/phrases/:id',
    access: 'staff',
    summary: 'Delete a phrase (public: admins; personal: its owner)',
    params: IdParams,
    response: Ok,
  },
  createPhraseCategory: {
    method: 'POST',
    path: '/api/phrase-categories',
    access: 'staff',
    summary: 'Add a phrase category (public: admins only)',
    body: NewPhraseCategoryBodySchema,
    response: PhraseCategorySchema,
  },
  updatePhraseCategory: {
    method: 'PATCH',
    path: '/api/phrase-categories/:id',
    access: 'staff',
    summary: 'Rename or reorder a category',
    params: IdParams,
    body: UpdatePhraseCategoryBodySchema,
    response: PhraseCategorySchema,
  },
  deletePhraseCategory: {
    method: 'DELETE',
    path: '/api/phrase-categories/:id',
    access: 'staff',
    summary: 'Delete a category; its phrases become uncategorised',
    params: IdParams,
    response: Ok,
  },
  // — canned files (常用文件): same rules as phrases; the upload is a raw body like /api/uploads —
  listFilePhrases: {
    method: 'GET',
    path: '/api/file-phrases',
    access: 'staff',
    summary: 'Public canned files plus the caller’s personal ones',
    response: FilePhraseListSchema,
  },
  uploadFilePhrase: {
    method: 'POST',
    path: '/api/file-phrases',
    access: 'staff',
    summary: 'Add a canned file (raw body; type checked by its bytes; public: admins only)',
    query: UploadFilePhraseQuerySchema,
    response: FilePhraseSchema,
  },
  updateFilePhrase: {
    method: 'PATCH',
    path: '/api/file-phrases/:id',
    access: 'staff',
    summary: 'Rename, move or reorder a canned file (public: admins; personal: its owner)',
    params: IdParams,
    body: UpdateFilePhraseBodySchema,
    response: FilePhraseSchema,
  },
  deleteFilePhrase: {
    method: 'DELETE',
    path: '/api/file-phrases/:id',
    access: 'staff',
    summary: 'Delete a canned file (files already sent stay downloadable)',
    params: IdParams,
    response: Ok,
  },
  attachFilePhrase: {
    method: 'POST',
    path: '/api/file-phrases/:id/attach',
    access: 'staff',
    summary: 'Make a canned file an attachment of a conversation the caller handles (then send it as a file message)',
    params: IdParams,
    body: AttachFilePhraseBodySchema,
    response: AttachmentSchema,
  },
  getAutoReply: {
    method: 'GET',
    path: '/api/me/auto-reply',
    access: 'staff',
    summary: 'The caller’s auto-reply, the company default and what is in effect',
    response: AutoReplyStateSchema,
  },
  setMyAutoReply: {
    method: 'PUT',
    path: '/api/me/auto-reply',
    access: 'staff',
    summary: 'Set the caller’s own auto-reply (null: use the company default)',
    body: z.strictObject({ autoReply: AutoReplySchema.nullable() }),
    response: AutoReplyStateSchema,
  },
  setCompanyAutoReply: {
    method: 'PUT',
    path: '/api/admin/auto-reply',
    access: 'admin',
    summary: 'Set the company default auto-reply and the not-responding rule',
    body: CompanyAutoReplySchema,
    response: CompanyAutoReplySchema,
  },
} as const satisfies Record<string, RouteDef>;
