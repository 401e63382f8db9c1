/** First-start data: an admin, two demo agents, groups and summary topics. */
import { uuidv7 } from '../../shared/index.js';
import { hashPasswordSync } from '../auth/passwords.js';
import type { Store } from './types.js';

/** The demo accounts seeded into an empty database; the README and tests use these values. */
export const SEED_CREDENTIALS = {
  admin: { account: 'admin', password: 'admin123', nickname: '管理员', role: 'admin' },
  agents: [
    { account: 'agent1', password: 'agent123', nickname: '小王', role: 'agent' },
    { account: 'agent2', password: 'agent123', nickname: '小李', role: 'agent' },
  ],
} as const;

export const SEED_GROUPS = ['售前', '售后', '技术'] as const;
export const SEED_TOPICS = ['咨询', '投诉', '售后', '其他'] as const;

/**
 * Seeds only when there is no account yet; returns whether it did. Nodes sharing one PostgreSQL
 * may start together: the count is checked again inside the transaction (which holds the write
 * lock), so exactly one of them seeds.
 */
export function seedIfEmpty(store: Store, now: number = Date.now()): boolean {
  if (store.agents.count() > 0) return false;
  const people = [SEED_CREDENTIALS.admin, ...SEED_CREDENTIALS.agents];
  // scrypt is slow on purpose: hash before the transaction, not while holding the lock.
  const hashes = people.map((p) => hashPasswordSync(p.password));
  return store.transaction(() => {
    if (store.agents.count() > 0) return false;
    const groupIds = SEED_GROUPS.map((name, i) => {
      const id = uuidv7(now + i);
      store.groups.insert({ id, name });
      return id;
    });
    people.forEach((p, i) => {
      store.agents.insert({
        id: uuidv7(now + i),
        account: p.account,
        nickname: p.nickname,
        role: p.role,
        passwordHash: hashes[i]!,
        status: 'away',
        notRespondingSince: null,
        maxConcurrent: 5,
        // Demo agents sit in 售前 so a widget link with that group reaches them.
        groupId: p.role === 'agent' ? (groupIds[0] ?? null) : null,
        createdAt: now + i,
      });
    });
    SEED_TOPICS.forEach((name, i) => store.topics.insert({ id: uuidv7(now + i), name, enabled: true, createdAt: now + i }));
    return true;
  });
}
