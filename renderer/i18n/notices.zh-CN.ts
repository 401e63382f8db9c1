/** 通知 (an admin's notices), zh-CN; notices.en.ts has the same keys. */
export const noticesZhCN = {
  title: '通知',
  buttonUnread: '通知（{{count}} 条未读）',
  empty: '暂无通知',
  unread: '未读',
  markRead: '标记已读',
  markReadOf: '标记“{{title}}”已读',
  markFailed: '标记已读失败：{{message}}',
  from: '{{sender}} 发送于 {{time}}',
  popupTitle: '新通知：{{title}}',
};
