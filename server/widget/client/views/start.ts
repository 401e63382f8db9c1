/**
 * The start screen: the company's greeting, the 技能组 menu (when it offers one), the 访客注册
 * fields it asks for, and 开始咨询. Every answer is checked here with the server's own rules
 * (shared/widget-settings.ts), so the visitor learns of a mistyped phone before anything is sent;
 * the server checks again and its refusals come back as `problems`.
 */
import { LIMITS } from '../../../../shared/limits.js';
import { registrationProblem, type RegistrationField, type WidgetConfig } from '../../../../shared/widget-settings.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

export interface PrechatAnswers {
  groupId?: string;
  name?: string;
  phone?: string;
  email?: string;
}

/** What went wrong with a field: empty though required, or not a valid value. */
export type FieldProblem = 'required' | 'invalid';
export type StartProblems = Partial<Record<RegistrationField | 'groupId', FieldProblem>>;

export interface StartScreenOptions {
  config: WidgetConfig;
  /** Values to show (what the visitor gave before, or typed before the server refused). */
  initial: PrechatAnswers;
  /** The group a `?group=` link named: preselected in the menu; a group outside the menu hides it (the link decides). */
  linkedGroupId?: string;
  problems?: StartProblems;
  onStart: (answers: PrechatAnswers) => Promise<void>;
}

const FIELDS: { field: RegistrationField; label: MessageKey; type: string; autocomplete: string; max: number; invalid: MessageKey }[] = [
  { field: 'name', label: 'prechatName', type: 'text', autocomplete: 'name', max: LIMITS.nameMax, invalid: 'nameInvalid' },
  { field: 'phone', label: 'prechatPhone', type: 'tel', autocomplete: 'tel', max: 32, invalid: 'phoneInvalid' },
  { field: 'email', label: 'prechatEmail', type: 'email', autocomplete: 'email', max: LIMITS.contactMax, invalid: 'emailInvalid' },
];

const GROUP_INPUT = 'kefu-start-group';

/** The menu shows unless a link named a group it does not offer (the link wins, as before menus existed). */
export function menuShown(config: WidgetConfig, linkedGroupId: string | undefined): boolean {
  return config.groupMenu.length > 0 && (!linkedGroupId || config.groupMenu.some((item) => item.groupId === linkedGroupId));
}

export function startScreen(options: StartScreenOptions): HTMLElement {
  const { config, initial } = options;
  const errors: Partial<Record<RegistrationField | 'groupId', HTMLElement>> = {};
  const errorLine = (key: RegistrationField | 'groupId') =>
    (errors[key] = h('div', { className: 'field-error', id: `kefu-start-${key}-error`, role: 'alert' }));

  const showMenu = menuShown(config, options.linkedGroupId);
  const chosen = initial.groupId ?? options.linkedGroupId;
  const menu = showMenu
    ? h(
        'fieldset',
        { 'aria-describedby': 'kefu-start-groupId-error' },
        h('legend', {}, t('prechatGroup')),
        ...config.groupMenu.map((item, index) =>
          h(
            'label',
            { className: 'group-option', for: `${GROUP_INPUT}-${index}` },
            h('input', { type: 'radio', name: GROUP_INPUT, id: `${GROUP_INPUT}-${index}`, value: item.groupId, checked: item.groupId === chosen }),
            item.label,
          ),
        ),
        errorLine('groupId'),
      )
    : null;

  const inputs: Partial<Record<RegistrationField, HTMLInputElement>> = {};
  const rows = FIELDS.filter(({ field }) => config.registration[field] !== 'off').map(({ field, label, type, autocomplete, max }) => {
    const mode = config.registration[field];
    const id = `kefu-start-${field}`;
    const input = h('input', {
      id,
      type,
      autocomplete,
      maxlength: max,
      required: mode === 'required',
      'aria-describedby': `${id}-error`,
      value: initial[field] ?? '',
    });
    inputs[field] = input;
    const text = mode === 'optional' ? `${t(label)}${t('optionalMark')}` : t(label);
    return h('div', { className: 'field' }, h('label', { for: id }, text), input, errorLine(field));
  });
  const asked = rows.length > 0;
  const privacy = asked && config.registration.privacyNote ? h('p', { className: 'privacy-note' }, config.registration.privacyNote) : null;

  const button = h('button', { type: 'submit', className: 'primary' }, t('startChat'));
  const form = h(
    'form',
    { className: 'start card', 'aria-label': t('startChat'), novalidate: true },
    h('h2', {}, t('startTitle')),
    h('p', { className: 'hint welcome' }, config.welcomeText || t('startHint')),
    menu,
    ...rows,
    privacy,
    button,
  );

  const show = (problems: StartProblems) => {
    for (const [key, line] of Object.entries(errors) as [RegistrationField | 'groupId', HTMLElement][]) {
      const problem = problems[key];
      const spec = FIELDS.find((f) => f.field === key);
      line.textContent = !problem
        ? ''
        : key === 'groupId'
          ? t('pickGroup')
          : problem === 'required'
            ? t('required', { field: t(spec!.label) })
            : t(spec!.invalid);
      inputs[key as RegistrationField]?.setAttribute('aria-invalid', String(Boolean(problem)));
    }
  };
  if (options.problems) show(options.problems);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: PrechatAnswers = {};
    const problems: StartProblems = {};
    const picked = form.querySelector<HTMLInputElement>(`input[name="${GROUP_INPUT}"]:checked`);
    if (showMenu && !picked) problems.groupId = 'required';
    if (picked) answers.groupId = picked.value;
    for (const [field, input] of Object.entries(inputs) as [RegistrationField, HTMLInputElement][]) {
      const value = input.value.trim();
      const problem = registrationProblem(field, value, config.registration[field]);
      if (problem) problems[field] = problem === 'required' ? 'required' : 'invalid';
      else if (value) answers[field] = value;
    }
    show(problems);
    if (Object.keys(problems).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"], input[type="radio"]')?.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('starting');
    void options.onStart(answers).finally(() => {
      button.disabled = false;
      button.textContent = t('startChat');
    });
  });
  return form;
}

/**
 * A start form the visitor has not touched may be rebuilt with new settings without losing
 * anything; one they have typed into or picked in stays as it is (the server still checks).
 */
export function startFormUntouched(root: ParentNode): boolean {
  const form = root.querySelector('form.start');
  if (!form) return true;
  return Array.from(form.querySelectorAll('input')).every((input) =>
    input.type === 'radio' ? input.checked === input.defaultChecked : input.value === input.defaultValue,
  );
}

/** The server's refusal details (`body.phone`, `phone`: required / a message) as the form's problems. */
export function problemsFromDetails(code: string, details: Record<string, string> | undefined): StartProblems {
  const problems: StartProblems = {};
  for (const key of Object.keys(details ?? {})) {
    const field = key.replace(/^body\./, '');
    if (field === 'name' || field === 'phone' || field === 'email' || field === 'groupId')
      problems[field] = code === 'REGISTRATION_REQUIRED' || details?.[key] === 'required' ? 'required' : 'invalid';
  }
  return problems;
}
