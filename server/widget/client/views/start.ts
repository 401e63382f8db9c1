/** The start screen: a greeting, an optional nickname and 开始咨询. */
import { LIMITS } from '../../../../shared/limits.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function startScreen(initialName: string, onStart: (name: string) => Promise<void>): HTMLElement {
  const name = h('input', { id: 'kefu-start-name', type: 'text', maxlength: LIMITS.nameMax, autocomplete: 'name', value: initialName });
  const button = h('button', { type: 'submit', className: 'primary' }, t('startChat'));
  const form = h(
    'form',
    { className: 'start card', 'aria-label': t('startChat') },
    h('h2', {}, t('startTitle')),
    h('p', { className: 'hint' }, t('startHint')),
    h('label', { for: 'kefu-start-name' }, t('nickname')),
    name,
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    button.textContent = t('starting');
    void onStart(name.value.trim()).finally(() => {
      button.disabled = false;
      button.textContent = t('startChat');
    });
  });
  return form;
}
