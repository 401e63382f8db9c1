/** Notices (通知), English; notices.zh-CN.ts has the same keys. */
export const noticesEn = {
  title: 'Notices',
  buttonUnread: 'Notices ({{count}} unread)',
  empty: 'No notices',
  unread: 'Unread',
  markRead: 'Mark read',
  markReadOf: 'Mark “{{title}}” read',
  markFailed: 'Could not mark it read: {{message}}',
  from: 'Sent by {{sender}} at {{time}}',
  popupTitle: 'New notice: {{title}}',
};
