/**
 * 退出系统: with open conversations ask first; when logged in, go 离开 on the server before
 * leaving (so no new conversation is routed to a closed app); then quit. The question is asked
 * through an injected function (an Electron dialog in main).
 */
import type { Agent } from '../../../shared/domain.js';
import type { Result } from '../../../shared/errors.js';
import { decideQuit } from './window-rules.js';

export interface QuitFlowDeps {
  loggedIn(): boolean;
  openConversations(): Promise<number>;
  confirm(openConversations: number): Promise<boolean>;
  setAway(): Promise<Result<Agent>>;
  exit(): void;
  log?(message: string): void;
}

/** Resolves true when the app is quitting, false when the agent cancelled. */
export async function runQuitFlow(deps: QuitFlowDeps): Promise<boolean> {
  const loggedIn = deps.loggedIn();
  const open = loggedIn ? await deps.openConversations() : 0;
  let decision = decideQuit({ loggedIn, openConversations: open, confirmed: false });
  if (decision.action === 'ask') {
    const confirmed = await deps.confirm(decision.openConversations);
    decision = decideQuit({ loggedIn, openConversations: open, confirmed });
    if (decision.action === 'ask') return false;
  }
  if (decision.setAwayFirst) {
    // Quitting must not hang on a dead network: a refused or failed call is logged, not awaited forever.
    const result = await deps.setAway();
    if (!result.ok) deps.log?.(`could not go away before quitting: ${result.error.message}`);
  }
  deps.exit();
  return true;
}
