/** 提醒设置 (never miss a chat), zh-CN; alerts.en.ts has the same keys. */
export const alertsZhCN = {
  section: '提醒设置',
  hint: '未读角标和标题闪烁始终开启；“提示音”总开关关闭时所有声音都不播放。',
  events: {
    'visitor-queued': '新的排队访客',
    'conversation-assigned': '新分配的对话',
    'message-received': '不在当前窗口的新消息',
  },
  sound: '声音',
  repeat: '重复提醒直到处理',
  repeatSeconds: '重复间隔（秒）',
  every: '每',
  secondsUnit: '秒',
  notification: '系统通知',
  flashTray: '托盘闪烁',
  fieldOf: '{{event}}：{{field}}',
  saveFailed: '提醒设置保存失败：{{message}}',
};
