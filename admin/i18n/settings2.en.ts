/** 公司设置 sections beyond the first ones (summary and rating, auto-reply, files), English; settings2.zh-CN.ts has the same keys. */
export const settings2En = {
  sectionNav: 'Settings sections',
  sections: { general: 'General', hours: 'Business hours', conversation: 'Summary and rating', autoReply: 'Auto-reply', files: 'Files' },
  /** Also the audit log's names of these fields (spread into settings.fields). */
  fields: {
    summaryRequired: 'A topic is required to close a chat',
    evaluationLabels: 'Rating option labels',
    evaluationCommentEnabled: 'Visitors may comment on their rating',
    evaluationAutoAsk: 'Ask for a rating when a chat ends',
    visitorUploadsEnabled: 'Visitors may send images and files',
    visitorUploadMaxMb: 'Largest file from visitors',
    agentUploadMaxMb: 'Largest file from agents',
    greetingEnabled: 'Send a greeting when a chat is assigned',
    greeting: 'Greeting',
    busyEnabled: 'Auto-reply while busy or away',
    busyReply: 'Auto-reply text',
    notRespondingSeconds: 'Back to the queue when the agent does not answer',
  },
  help: {
    summaryRequired: 'On: agents must choose a topic to close a chat. Off: they may close without a summary.',
    evaluationLabels:
      'The five options visitors rate with. The level (1–5) is stored, not the text. Leave empty for the widget’s own wording in the visitor’s language.',
    evaluationCommentEnabled: 'Off: visitors choose a level only, without a comment.',
    evaluationAutoAsk: 'On: when a chat an agent served ends, the widget shows the rating form without the agent pushing it.',
    visitorUploadsEnabled: 'Off: the widget offers no image or file button and the server refuses visitor uploads.',
    uploadMax: 'Images are also limited to 5 MB. Open workstations follow a change at once.',
    greeting: 'An agent’s own greeting and busy reply come first; agents without their own use these. You may use {客服昵称} and {访客名称}.',
    notRespondingSeconds:
      'A chat the agent has not answered this long after it was assigned goes back to the queue and the agent is set away. 0 = off, else {{min}}–{{max}} seconds.',
  },
  conversationIntro: 'Open workstations follow a change at once, without logging in again.',
  level: '{{rating}} stars',
  levelAria: 'Label of the {{rating}}-star option',
  levelDefaults: { '1': 'Very dissatisfied', '2': 'Dissatisfied', '3': 'Neutral', '4': 'Satisfied', '5': 'Very satisfied' },
  labelTooLong: 'At most {{max}} characters',
  textTooLong: 'At most {{max}} characters',
  seconds: 's',
  off: 'Off',
  autoReplyFailed: 'Saving the auto-reply failed: {{message}}',
};
