/** 悄悄话 (supervisor ↔ agent, staff only) and 强制接管 in the workstation's dialog panel. */
export const whispersZhCN = {
  label: '悄悄话',
  hint: '仅客服与组长可见，访客看不到',
  fromSupervisor: '{{name}}（组长）',
  fromAgent: '{{name}}（我的回复）',
  reply: '回复悄悄话',
  replyPlaceholder: '回复组长，访客看不到',
  send: '发送',
  failed: '悄悄话发送失败：{{message}}',
  takenOver: '组长已接管对话 {{roomNo}}',
};
