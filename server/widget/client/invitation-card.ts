/**
 * The invitation card (主动邀请) over the host page, drawn by widget.js (embed.ts): who invites,
 * their words, 接受 and 拒绝. A dialog the visitor may ignore: it is announced (role=dialog with a
 * label, aria-live) but takes no focus from the host page, and only its own nodes are touched.
 */
import type { InvitationCardData } from './invitation-messages.js';
import type { WidgetLang } from './params.js';

export const INVITATION_CARD_ID = 'kefu-widget-invitation';

const LABELS = {
  'zh-CN': { dialog: '在线客服邀请', accept: '接受', decline: '拒绝', acceptLabel: '接受邀请，开始咨询', declineLabel: '拒绝邀请' },
  en: {
    dialog: 'Chat invitation',
    accept: 'Accept',
    decline: 'Decline',
    acceptLabel: 'Accept the invitation and start a chat',
    declineLabel: 'Decline the invitation',
  },
} as const;

export interface InvitationCardActions {
  accept(id: string): void;
  decline(id: string): void;
}

function button(text: string, label: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  Object.assign(element.style, {
    padding: '6px 16px',
    borderRadius: '16px',
    border: primary ? 'none' : '1px solid #d9d9d9',
    background: primary ? '#1664e3' : '#fff',
    color: primary ? '#fff' : '#333',
    font: 'inherit',
    cursor: 'pointer',
  });
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Shows the invitation (replacing any other) when it is pending; takes the card down when it is not
 * (answered in another tab, lapsed) — only if it is the one shown.
 */
export function showInvitation(invitation: InvitationCardData, lang: WidgetLang, actions: InvitationCardActions, doc: Document = document): HTMLElement | null {
  const current = doc.getElementById(INVITATION_CARD_ID);
  if (!invitation.pending) {
    if (current?.dataset.invitationId === invitation.id) current.remove();
    return null;
  }
  current?.remove();
  const labels = LABELS[lang];
  const card = doc.createElement('div');
  card.id = INVITATION_CARD_ID;
  card.dataset.invitationId = invitation.id;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-live', 'polite');
  card.setAttribute('aria-label', `${labels.dialog}: ${invitation.fromName}`);
  Object.assign(card.style, {
    position: 'fixed',
    right: '20px',
    bottom: '80px',
    zIndex: '2147483001',
    width: 'min(320px, calc(100vw - 40px))',
    padding: '16px',
    borderRadius: '12px',
    background: '#fff',
    color: '#333',
    boxShadow: '0 8px 30px rgba(0,0,0,.25)',
    font: '14px/1.5 system-ui, sans-serif',
  });
  const from = doc.createElement('strong');
  from.textContent = invitation.fromName;
  const text = doc.createElement('p');
  text.textContent = invitation.text;
  text.style.margin = '8px 0 12px';
  const row = doc.createElement('div');
  Object.assign(row.style, { display: 'flex', gap: '8px', justifyContent: 'flex-end' });
  const done = (then: (id: string) => void) => () => {
    card.remove();
    then(invitation.id);
  };
  row.append(button(labels.decline, labels.declineLabel, false, done(actions.decline)), button(labels.accept, labels.acceptLabel, true, done(actions.accept)));
  card.append(from, text, row);
  doc.body.appendChild(card);
  return card;
}
