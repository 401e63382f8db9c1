/**
 * Repository interfaces of canned phrases and auto-reply (issue 5). Like ./types.ts they are
 * synchronous and SQL-free, so another store can implement them.
 */
import type { AutoReply, CompanyAutoReply, Phrase, PhraseCategory, PhraseScope } from '../../shared/phrases.js';
import type { FilePhrase } from '../../shared/file-phrases.js';

export type PhraseRow = Phrase;
export type PhraseCategoryRow = PhraseCategory;

/** Whose rows: the company's (public), one group's, or one agent's — a row's scope, ownerId and groupId. */
export type PhraseOwner = { scope: PhraseScope; ownerId: string | null; groupId: string | null };

/** Who reads the workstation lists: public rows, their group's rows and their own personal rows. */
export interface PhraseReader {
  agentId: string;
  /** The reader's skill group; null: none. */
  groupId: string | null;
}

/** The console's list: never personal rows; `groupIds` undefined = every group, [] = no group. */
export interface SharedPhraseFilter {
  public: boolean;
  groupIds?: readonly string[];
}

/** Public rows plus the group's and the personal rows of one agent. */
export interface PhraseRepository {
  visibleTo(reader: PhraseReader): PhraseRow[];
  /** Public and group rows for the console, as the filter says. */
  shared(filter: SharedPhraseFilter): PhraseRow[];
  byId(id: string): PhraseRow | undefined;
  /** Phrases of one owner (the company, a group, an agent), to bound their number. */
  countFor(owner: PhraseOwner): number;
  insert(row: PhraseRow): void;
  update(id: string, patch: Partial<Omit<PhraseRow, 'id' | 'scope' | 'ownerId' | 'groupId'>>): void;
  remove(id: string): void;
  nextSortOrder(owner: PhraseOwner): number;
}

export interface PhraseCategoryRepository {
  visibleTo(reader: PhraseReader): PhraseCategoryRow[];
  shared(filter: SharedPhraseFilter): PhraseCategoryRow[];
  byId(id: string): PhraseCategoryRow | undefined;
  countFor(owner: PhraseOwner): number;
  insert(row: PhraseCategoryRow): void;
  update(id: string, patch: Partial<Pick<PhraseCategoryRow, 'name' | 'sortOrder' | 'updatedAt'>>): void;
  remove(id: string): void;
  nextSortOrder(owner: PhraseOwner): number;
}

export interface AutoReplyRepository {
  forAgent(agentId: string): AutoReply | undefined;
  /** null removes the agent's own texts (back to the company default). */
  putForAgent(agentId: string, value: AutoReply | null, now: number): void;
  company(): CompanyAutoReply;
  putCompany(value: CompanyAutoReply, now: number): void;
  /** Records an automatic message; false when it was recorded before (send nothing then). */
  markSent(conversationId: string, kind: 'greeting' | 'busy', agentId: string, now: number): boolean;
  /**
   * Active conversations assigned before `assignedBefore` whose agent has sent no message of their
   * own (automatic ones do not count) since the assignment: candidates for "not responding".
   */
  unanswered(assignedBefore: number): { conversationId: string; agentId: string }[];
}

/** A canned file (常用文件); its bytes are in the attachment store under the same id. */
export type FilePhraseRow = FilePhrase & { sha256: string };

export interface FilePhraseRepository {
  visibleTo(reader: PhraseReader): FilePhraseRow[];
  shared(filter: SharedPhraseFilter): FilePhraseRow[];
  byId(id: string): FilePhraseRow | undefined;
  countFor(owner: PhraseOwner): number;
  insert(row: FilePhraseRow): void;
  update(id: string, patch: Partial<Pick<FilePhraseRow, 'name' | 'categoryId' | 'sortOrder' | 'updatedAt'>>): void;
  remove(id: string): void;
  nextSortOrder(owner: PhraseOwner): number;
}

export interface PhraseRepositories {
  phrases: PhraseRepository;
  filePhrases: FilePhraseRepository;
  phraseCategories: PhraseCategoryRepository;
  autoReplies: AutoReplyRepository;
}
