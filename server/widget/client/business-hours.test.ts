import { describe, expect, it } from 'vitest';
import { closedFromRefusal, formatReopening, leaveFormUntouched, leaveReasonText } from './business-hours.js';
import { leaveMessageForm } from './views/leave-message.js';

const closed = { open: false, notice: '现在是非工作时间，请留言。', nextChangeAt: Date.UTC(2026, 10, 26, 1), timeZone: 'Asia/Shanghai' };

describe('widget business hours', () => {
  it('outside hours the 留言 form says so, with the notice and the next opening in the company zone', () => {
    const reason = leaveReasonText('closed', closed);
    expect(reason?.title).toBe('非工作时间，请留言');
    expect(reason?.hint[0]).toBe(closed.notice);
    // 01:00 UTC is 09:00 in Shanghai, whatever the browser's own zone.
    expect(formatReopening(closed.nextChangeAt, 'Asia/Shanghai')).toContain('09:00');
    expect(reason?.hint[1]).toContain('09:00');
    const form = leaveMessageForm({ initialName: '', onSubmit: async () => null, onBack: null, reason });
    expect(form.getAttribute('aria-label')).toBe('非工作时间，请留言');
    expect(form.textContent).toContain(closed.notice);
  });

  it('keeps its own words for "nobody online" and says so for a full queue', () => {
    expect(leaveReasonText('offline', closed)).toBeUndefined();
    expect(leaveReasonText('queue-full', null)?.title).toBe('当前咨询人数较多，请留言');
  });

  it('a form the visitor typed into is not swapped away', () => {
    const form = leaveMessageForm({ initialName: '张三', onSubmit: async () => null, onBack: null });
    expect(leaveFormUntouched(form)).toBe(true);
    (form.querySelector('#kefu-leave-text') as HTMLTextAreaElement).value = '请回电';
    expect(leaveFormUntouched(form)).toBe(false);
  });

  it('a refusal carries the notice and the next opening', () => {
    expect(closedFromRefusal({ message: '下班了', details: { nextChangeAt: '1795654800000' } }, closed)).toEqual({
      open: false,
      notice: '下班了',
      nextChangeAt: 1795654800000,
      timeZone: 'Asia/Shanghai',
    });
  });
});
