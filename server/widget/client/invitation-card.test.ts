/** 主动邀请 on the host page (jsdom): the card, its accessible controls, focus left alone, and the messages between frame and host. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INVITATION_CARD_ID, showInvitation } from './invitation-card.js';
import { DECLINE_MESSAGE, INVITATION_MESSAGE, parseDeclineMessage, parseInvitationMessage } from './invitation-messages.js';
import { parseWidgetQuery, widgetQuery } from './params.js';

const invitation = { id: '0190aaaa-0000-7000-8000-000000000001', fromName: '小王', text: '需要帮忙吗？', pending: true };

describe('the invitation card', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a labelled dialog with 接受 and 拒绝, and does not take focus from the host page', () => {
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    const actions = { accept: vi.fn(), decline: vi.fn() };
    const card = showInvitation(invitation, 'zh-CN', actions)!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-label')).toBe('在线客服邀请: 小王');
    expect(card.textContent).toContain('需要帮忙吗？');
    expect(document.activeElement).toBe(input);
    const buttons = [...card.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['拒绝', '拒绝邀请'],
      ['接受', '接受邀请，开始咨询'],
    ]);
    buttons[1]!.click();
    expect(actions.accept).toHaveBeenCalledWith(invitation.id);
    expect(actions.decline).not.toHaveBeenCalled();
    expect(document.getElementById(INVITATION_CARD_ID)).toBeNull();
  });

  it('speaks English, declines, and comes down when the invitation is answered elsewhere', () => {
    const actions = { accept: vi.fn(), decline: vi.fn() };
    const card = showInvitation(invitation, 'en', actions)!;
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Decline', 'Accept']);
    card.querySelector('button')!.click();
    expect(actions.decline).toHaveBeenCalledWith(invitation.id);

    showInvitation(invitation, 'en', actions);
    // Another invitation's end leaves this card; its own end takes it down.
    showInvitation({ ...invitation, id: '0190aaaa-0000-7000-8000-000000000002', pending: false }, 'en', actions);
    expect(document.getElementById(INVITATION_CARD_ID)).not.toBeNull();
    showInvitation({ ...invitation, pending: false }, 'en', actions);
    expect(document.getElementById(INVITATION_CARD_ID)).toBeNull();
  });
});

describe('the messages between the trail frame and the host page', () => {
  it('accept only the right shape', () => {
    expect(parseInvitationMessage({ type: INVITATION_MESSAGE, invitation })).toEqual(invitation);
    for (const bad of [
      null,
      { type: 'other', invitation },
      { type: INVITATION_MESSAGE },
      { type: INVITATION_MESSAGE, invitation: { ...invitation, id: '<img src=x>' } },
      { type: INVITATION_MESSAGE, invitation: { ...invitation, text: 'x'.repeat(1000) } },
      { type: INVITATION_MESSAGE, invitation: { ...invitation, pending: 'yes' } },
    ])
      expect(parseInvitationMessage(bad), JSON.stringify(bad)).toBeNull();
    expect(parseDeclineMessage({ type: DECLINE_MESSAGE, id: invitation.id })).toBe(invitation.id);
    expect(parseDeclineMessage({ type: DECLINE_MESSAGE, id: '../x' })).toBeNull();
  });
});

describe('the invitation parameter of the chat window', () => {
  it('round-trips a plain id and ignores anything else with a warning', () => {
    const query = widgetQuery({ lang: 'zh-CN', invitationId: invitation.id });
    expect(parseWidgetQuery(`?${query}`).invitationId).toBe(invitation.id);
    const warn = vi.fn();
    expect(parseWidgetQuery('?invitation=%3Cscript%3E', warn).invitationId).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('invitation'));
    expect(parseWidgetQuery('?lang=en').invitationId).toBeUndefined();
  });
});
