import { create } from 'zustand';

/** Puts `insert` in place of the selection [start, end) and says where the caret goes. */
export function spliceAtCursor(value: string, start: number, end: number, insert: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + insert + value.slice(to), caret: from + insert.length };
}

type Inserter = (text: string) => void;

interface ComposerState {
  inserter: Inserter | null;
  /** The input box registers how to insert; returns the unregister function. */
  register(inserter: Inserter): () => void;
  /** Inserts into the agent's input box at the cursor (never sends). False when no input box is open. */
  insertAtCursor(text: string): boolean;
}

/**
 * The agent's input box, reachable from the helper panel (常用语, 知识库): the panel asks, the
 * input box inserts at its caret. The text itself stays the input box's own state.
 */
export const useComposerStore = create<ComposerState>()((set, get) => ({
  inserter: null,
  register(inserter) {
    set({ inserter });
    return () => {
      if (get().inserter === inserter) set({ inserter: null });
    };
  },
  insertAtCursor(text) {
    const inserter = get().inserter;
    if (!inserter || text === '') return false;
    inserter(text);
    return true;
  },
}));
