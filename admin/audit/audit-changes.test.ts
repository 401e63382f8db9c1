import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import { describeChanges, targetText } from './audit-changes.js';
import type { AuditEntry } from '../../shared/protocol/rest-admin.js';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: 0,
  actorId: 'admin1',
  actorAccount: 'admin',
  action: 'agent.update',
  targetType: 'agent',
  targetId: 'a1',
  before: null,
  after: null,
  ...overrides,
});
const context = {
  t: i18n.getFixedT('zh-CN'),
  language: 'zh-CN' as const,
  groupName: (id: string) => (id === 'g1' ? '售前' : undefined),
  targetName: () => undefined,
};

describe('audit changes in words', () => {
  it('an update shows only the changed fields, with names instead of ids', () => {
    const lines = describeChanges(
      entry({
        before: { account: 'wang', nickname: '小王', groupId: null, maxConcurrent: 5 },
        after: { account: 'wang', nickname: '王二', groupId: 'g1', maxConcurrent: 5 },
      }),
      context,
    );
    expect(lines).toEqual(['昵称：小王 → 王二', '技能组：— → 售前']);
  });

  it('a password reset reads as one, with no password in sight (the server logs passwordReset false → true)', () => {
    const lines = describeChanges(entry({ before: { nickname: 'zhao', passwordReset: false }, after: { nickname: '赵六', passwordReset: true } }), context);
    expect(lines).toEqual(['昵称：zhao → 赵六', '密码：— → 已重置']);
  });

  it('a settings change names the setting; a create lists what was created', () => {
    expect(
      describeChanges(entry({ action: 'settings.update', targetType: 'settings', before: { autoCloseMinutes: 10 }, after: { autoCloseMinutes: 15 } }), context),
    ).toEqual(['访客无回复自动结束对话：10 → 15']);
    expect(describeChanges(entry({ action: 'topic.create', targetType: 'topic', after: { name: '售后', enabled: true } }), context)).toEqual([
      '名称：售后',
      '启用：是',
    ]);
  });

  it('the target is named by its snapshot', () => {
    expect(targetText(entry({ after: { account: 'wang' } }), context)).toBe('客服 wang');
    expect(targetText(entry({ targetType: 'settings', targetId: null }), context)).toBe('公司设置');
  });
});
