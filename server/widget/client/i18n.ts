/** The widget's words: zh-CN first, English with ?lang=en. Kept tiny on purpose (no library). */
import type { WidgetLang } from './params.js';

const zh = {
  title: '在线客服',
  close: '关闭客服窗口',
  loading: '正在连接客服…',
  loadFailed: '连接失败，请稍后重试',
  retry: '重试',
  startTitle: '您好，有什么可以帮您？',
  startHint: '点击下方按钮开始咨询，客服将尽快为您服务。',
  nickname: '您的称呼（可选）',
  startChat: '开始咨询',
  starting: '正在为您接入…',
  queued: '排队中',
  queuePosition: '您前面还有 {n} 位访客，请稍候',
  queueFirst: '您是下一位，请稍候',
  queueTimeout: '当前等待时间较长，您可以先给我们留言。',
  leaveInstead: '我要留言',
  agentServing: '客服 {name} 为您服务',
  agentTyping: '客服正在输入…',
  connecting: '连接中断，正在重连…',
  catchingUp: '正在同步消息 {done}/{total}',
  messages: '对话消息',
  inputLabel: '输入消息',
  inputPlaceholder: '请输入消息，Enter 发送，Shift+Enter 换行',
  send: '发送',
  sendImage: '发送图片',
  sendFile: '发送文件',
  sending: '发送中',
  sendFailed: '发送失败',
  discard: '删除',
  uploading: '正在上传 {name} {pct}%',
  tooLong: '消息不能超过 {n} 个字',
  imageTooBig: '图片不能超过 {mb} MB',
  fileTooBig: '文件不能超过 {mb} MB',
  notImage: '请选择 PNG、JPEG、GIF 或 WebP 图片',
  uploadFailed: '上传失败：{reason}',
  endChat: '结束对话',
  endConfirm: '确定要结束本次对话吗？',
  ended: '对话已结束',
  restart: '重新咨询',
  download: '下载 {name}',
  image: '图片 {name}',
  visitor: '我',
  agent: '客服',
  evalTitle: '请对本次服务进行评价',
  evalRating: '满意度',
  rating5: '非常满意',
  rating4: '满意',
  rating3: '一般',
  rating2: '不满意',
  rating1: '非常不满意',
  evalComment: '评价内容（可选）',
  evalSubmit: '提交评价',
  evalPickRating: '请选择满意度',
  evalThanks: '感谢您的评价！',
  leaveTitle: '客服暂时不在线，请留言',
  leaveHint: '留下您的联系方式，我们会尽快回复您。',
  leaveName: '姓名',
  leaveContact: '联系方式',
  leaveText: '留言内容',
  leaveSubmit: '提交留言',
  leaveBack: '返回对话',
  leaveDone: '留言已提交，我们会尽快回复您。',
  leaveAnother: '再留一条',
  closedTitle: '非工作时间，请留言',
  reopensAt: '恢复服务时间：{time}',
  queueFullTitle: '当前咨询人数较多，请留言',
  queueFullHint: '排队人数已满，请留下联系方式，我们会尽快回复您。',
  required: '请填写{field}',
  maxChars: '{field}不能超过 {n} 个字',
  contactInvalid: '请填写有效的手机号、电话或邮箱',
  repliesTitle: '您的留言回复',
  yourMessage: '您的留言',
  reply: '客服回复',
  error: '出错了：{reason}',
  blocked: '抱歉，您暂时无法发起咨询。',
  blockedRetry: '重新咨询',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  title: 'Live chat',
  close: 'Close chat window',
  loading: 'Connecting…',
  loadFailed: 'Could not connect, please try again later',
  retry: 'Retry',
  startTitle: 'Hello, how can we help?',
  startHint: 'Start a chat and an agent will be with you shortly.',
  nickname: 'Your name (optional)',
  startChat: 'Start chat',
  starting: 'Connecting you to an agent…',
  queued: 'Waiting in queue',
  queuePosition: '{n} visitor(s) ahead of you, please wait',
  queueFirst: 'You are next, please wait',
  queueTimeout: 'The wait is longer than usual. You can leave us a message instead.',
  leaveInstead: 'Leave a message',
  agentServing: '{name} is serving you',
  agentTyping: 'Agent is typing…',
  connecting: 'Connection lost, reconnecting…',
  catchingUp: 'Syncing messages {done}/{total}',
  messages: 'Conversation messages',
  inputLabel: 'Type a message',
  inputPlaceholder: 'Type a message; Enter to send, Shift+Enter for a new line',
  send: 'Send',
  sendImage: 'Send image',
  sendFile: 'Send file',
  sending: 'Sending',
  sendFailed: 'Not sent',
  discard: 'Delete',
  uploading: 'Uploading {name} {pct}%',
  tooLong: 'Messages are limited to {n} characters',
  imageTooBig: 'Images are limited to {mb} MB',
  fileTooBig: 'Files are limited to {mb} MB',
  notImage: 'Please choose a PNG, JPEG, GIF or WebP image',
  uploadFailed: 'Upload failed: {reason}',
  endChat: 'End chat',
  endConfirm: 'End this conversation?',
  ended: 'Conversation ended',
  restart: 'Start a new chat',
  download: 'Download {name}',
  image: 'Image {name}',
  visitor: 'Me',
  agent: 'Agent',
  evalTitle: 'Please rate our service',
  evalRating: 'Satisfaction',
  rating5: 'Very satisfied',
  rating4: 'Satisfied',
  rating3: 'Neutral',
  rating2: 'Dissatisfied',
  rating1: 'Very dissatisfied',
  evalComment: 'Comment (optional)',
  evalSubmit: 'Submit rating',
  evalPickRating: 'Please choose a rating',
  evalThanks: 'Thank you for your feedback!',
  leaveTitle: 'No agent is available, please leave a message',
  leaveHint: 'Leave your contact details and we will reply soon.',
  leaveName: 'Name',
  leaveContact: 'Contact',
  leaveText: 'Message',
  leaveSubmit: 'Send message',
  leaveBack: 'Back to chat',
  leaveDone: 'Your message was sent. We will reply soon.',
  leaveAnother: 'Leave another message',
  closedTitle: "We're closed right now, please leave a message",
  reopensAt: 'Open again: {time}',
  queueFullTitle: 'Many visitors are waiting, please leave a message',
  queueFullHint: 'The queue is full. Leave your contact details and we will reply soon.',
  required: 'Please fill in {field}',
  maxChars: '{field} is limited to {n} characters',
  contactInvalid: 'Please enter a valid phone number or e-mail',
  repliesTitle: 'Replies to your messages',
  yourMessage: 'Your message',
  reply: 'Reply',
  error: 'Something went wrong: {reason}',
  blocked: 'Sorry, you cannot start a consultation at the moment.',
  blockedRetry: 'Try again',
};

let current: WidgetLang = 'zh-CN';

export function setLang(lang: WidgetLang): void {
  current = lang;
}

export function getLang(): WidgetLang {
  return current;
}

// Clock times in the widget's language, not the browser's: 22:40 in Chinese, 10:40 PM in English.
// One Intl.DateTimeFormat per language, made on first use (every message line shows a time).
const TIME_OPTIONS: Record<WidgetLang, [string, Intl.DateTimeFormatOptions]> = {
  'zh-CN': ['zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
  en: ['en-US', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }],
};
const timeFormats = new Map<WidgetLang, Intl.DateTimeFormat>();

export function formatTime(at: number): string {
  let format = timeFormats.get(current);
  if (!format) {
    format = new Intl.DateTimeFormat(...TIME_OPTIONS[current]);
    timeFormats.set(current, format);
  }
  return format.format(at);
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const template: string = current === 'en' ? en[key] : zh[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
