/** The leave-a-message form (留言: 姓名, 联系方式, 留言内容), with a message per field. */
import { LIMITS } from '../../../../shared/limits.js';
import type { AppError } from '../../../../shared/errors.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

export interface OfflineMessageInput {
  name: string;
  contact: string;
  text: string;
}

type Field = keyof OfflineMessageInput;

const FIELDS: { field: Field; label: MessageKey; max: number; multiline: boolean }[] = [
  { field: 'name', label: 'leaveName', max: LIMITS.nameMax, multiline: false },
  { field: 'contact', label: 'leaveContact', max: LIMITS.contactMax, multiline: false },
  { field: 'text', label: 'leaveText', max: LIMITS.offlineTextMax, multiline: true },
];

// A phone number (digits, spaces, +, -, parentheses) or an e-mail address.
const CONTACT_PATTERN = /^(\+?[\d\s()-]{5,}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

export function validateOfflineMessage(input: OfflineMessageInput): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  for (const { field, label, max } of FIELDS) {
    const value = input[field].trim();
    if (value === '') problems[field] = t('required', { field: t(label) });
    else if (value.length > max) problems[field] = t('maxChars', { field: t(label), n: max });
  }
  if (!problems.contact && !CONTACT_PATTERN.test(input.contact.trim())) problems.contact = t('contactInvalid');
  return problems;
}

export interface LeaveMessageOptions {
  initialName: string;
  /** Answers null when stored, or the server's error (details map onto fields). */
  onSubmit: (input: OfflineMessageInput) => Promise<AppError | null>;
  /** Shown when a conversation is still open (queue timeout offer). */
  onBack: (() => void) | null;
  /** Why the form shows instead of a chat (工作时间, a full queue): its own title and hint. */
  reason?: { title: string; hint: string[] };
}

export function leaveMessageForm(options: LeaveMessageOptions): HTMLElement {
  const inputs = {} as Record<Field, HTMLInputElement | HTMLTextAreaElement>;
  const errors = {} as Record<Field, HTMLElement>;
  const rows = FIELDS.map(({ field, label, max, multiline }) => {
    const id = `kefu-leave-${field}`;
    const errorId = `${id}-error`;
    const attrs = { id, name: field, maxlength: max, required: true, 'aria-describedby': errorId };
    const input = multiline ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type: 'text', autocomplete: field === 'name' ? 'name' : 'off' });
    if (field === 'name') input.value = options.initialName;
    inputs[field] = input;
    errors[field] = h('div', { className: 'field-error', id: errorId });
    return h('div', { className: 'field' }, h('label', { for: id }, t(label)), input, errors[field]);
  });
  const formError = h('div', { className: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'primary' }, t('leaveSubmit'));
  const form = h(
    'form',
    { className: 'leave-message card', 'aria-label': options.reason?.title ?? t('leaveTitle'), novalidate: true },
    h('h2', {}, options.reason?.title ?? t('leaveTitle')),
    ...(options.reason?.hint ?? [t('leaveHint')]).map((line) => h('p', { className: 'hint' }, line)),
    ...rows,
    formError,
    h('div', { className: 'form-actions' }, options.onBack ? h('button', { type: 'button', onclick: options.onBack }, t('leaveBack')) : null, submit),
  );

  const show = (problems: Partial<Record<string, string>>): boolean => {
    let any = false;
    for (const { field } of FIELDS) {
      const problem = problems[field];
      errors[field].textContent = problem ?? '';
      inputs[field].setAttribute('aria-invalid', problem ? 'true' : 'false');
      any ||= Boolean(problem);
    }
    return any;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input: OfflineMessageInput = { name: inputs.name.value, contact: inputs.contact.value, text: inputs.text.value };
    formError.textContent = '';
    if (show(validateOfflineMessage(input))) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    submit.disabled = true;
    void options.onSubmit({ name: input.name.trim(), contact: input.contact.trim(), text: input.text.trim() }).then((error) => {
      submit.disabled = false;
      if (!error) return;
      if (!(error.details && show(error.details))) formError.textContent = t('error', { reason: error.message });
    });
  });
  return form;
}

export function leaveMessageDone(onAnother: () => void): HTMLElement {
  return h(
    'div',
    { className: 'leave-message card thanks', role: 'status' },
    h('p', {}, t('leaveDone')),
    h('button', { type: 'button', onclick: onAnother }, t('leaveAnother')),
  );
}
