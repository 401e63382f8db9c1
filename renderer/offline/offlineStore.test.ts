import { describe, expect, it } from 'vitest';
import { filterOffline, upsertOffline } from './offlineStore.js';
import type { OfflineMessage } from '../../shared/domain.js';

const left = (id: string, createdAt: number, status: OfflineMessage['status'] = 'unreplied'): OfflineMessage => ({
  id,
  visitorId: `v-${id}`,
  name: '陈女士',
  contact: '13800138000',
  text: '请回电',
  status,
  reply: status === 'replied' ? '已回电' : null,
  repliedBy: status === 'replied' ? 'a1' : null,
  createdAt,
  repliedAt: status === 'replied' ? createdAt + 1 : null,
});

describe('offline messages', () => {
  it('a reply moves the message from 未回复 to 已回复 without duplicating it', () => {
    const list = upsertOffline(upsertOffline([], left('o1', 100)), left('o2', 200));
    expect(list.map((m) => m.id)).toEqual(['o2', 'o1']);
    const replied = upsertOffline(list, left('o1', 100, 'replied'));
    expect(replied).toHaveLength(2);
    expect(filterOffline(replied, 'unreplied').map((m) => m.id)).toEqual(['o2']);
    expect(filterOffline(replied, 'replied').map((m) => m.reply)).toEqual(['已回电']);
  });
});
