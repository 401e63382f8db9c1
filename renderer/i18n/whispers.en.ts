/** Whispers (supervisor ↔ agent, staff only) and take-overs in the workstation's dialog panel. */
export const whispersEn = {
  label: 'Whisper',
  hint: 'Staff only — the visitor never sees these',
  fromSupervisor: '{{name}} (supervisor)',
  fromAgent: '{{name}} (my answer)',
  reply: 'Answer the whisper',
  replyPlaceholder: 'Answer the supervisor; the visitor never sees it',
  send: 'Send',
  failed: 'The whisper was not sent: {{message}}',
  takenOver: 'A supervisor took over conversation {{roomNo}}',
};
