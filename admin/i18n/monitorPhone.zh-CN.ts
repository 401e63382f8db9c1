/** 实时监控's phone part (话务状态, calls as they happen), zh-CN; monitorPhone.en.ts has the same keys. */
export const monitorPhoneZhCN = {
  column: '话务状态',
  none: '—',
  statusFor: '{{status}}（{{duration}}）',
  status: {
    unregistered: '未注册',
    idle: '示闲',
    busy: '示忙',
    dnd: '免打扰',
    ringing: '振铃',
    talking: '通话中',
    'wrap-up': '话后处理',
  },
  kind: '话务',
  reason: {
    workstation: '工作台上报',
    disconnected: '连接断开',
    'node-lost': '服务器异常退出',
    'server-stopped': '服务器停止',
  },
};
