/**
 * The console's login: the admin, and the Bearer token kept in sessionStorage so a reload keeps the
 * session while closing the tab ends it (a shared office computer does not stay logged in).
 * `notice` is why the admin is back at the login page (refused, session ended), shown there.
 */
import { create } from 'zustand';
import type { Agent } from '../../shared/domain.js';

const TOKEN_KEY = 'kefu-admin-token';

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused: the session lasts until the page reloads.
  }
}

interface SessionState {
  token: string | null;
  /** Null until the token is known to belong to an admin (after login, or `me` on a reload). */
  admin: Agent | null;
  notice: string | null;
  signedIn(token: string, admin: Agent): void;
  /** Back to the login page, saying why (null: the admin logged out). */
  signedOut(notice: string | null): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  token: storedToken(),
  admin: null,
  notice: null,
  signedIn(token, admin) {
    storeToken(token);
    set({ token, admin, notice: null });
  },
  signedOut(notice) {
    storeToken(null);
    set({ token: null, admin: null, notice });
  },
}));
