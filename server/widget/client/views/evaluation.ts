/** The satisfaction form (满意度评价): 非常满意 … 非常不满意 (5 … 1) and an optional comment. */
import { LIMITS } from '../../../../shared/limits.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

const RATINGS: { value: number; key: MessageKey }[] = [
  { value: 5, key: 'rating5' },
  { value: 4, key: 'rating4' },
  { value: 3, key: 'rating3' },
  { value: 2, key: 'rating2' },
  { value: 1, key: 'rating1' },
];

export type SubmitEvaluation = (rating: number, comment: string) => Promise<string | null>;

/** `onSubmit` answers an error text, or null when stored. */
export function evaluationForm(onSubmit: SubmitEvaluation): HTMLElement {
  const error = h('div', { className: 'field-error', role: 'alert' });
  const comment = h('textarea', { id: 'kefu-eval-comment', rows: 2, maxlength: LIMITS.evaluationCommentMax });
  const submit = h('button', { type: 'submit', className: 'primary' }, t('evalSubmit'));
  const options = RATINGS.map(({ value, key }) =>
    h('label', { className: 'rating-option' }, h('input', { type: 'radio', name: 'kefu-eval-rating', value }), h('span', {}, t(key))),
  );
  const form = h(
    'form',
    { className: 'evaluation card', 'aria-label': t('evalTitle'), novalidate: true },
    h('h2', {}, t('evalTitle')),
    h('fieldset', { className: 'rating' }, h('legend', {}, t('evalRating')), ...options),
    h('label', { for: 'kefu-eval-comment' }, t('evalComment')),
    comment,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = form.querySelector<HTMLInputElement>('input[name="kefu-eval-rating"]:checked');
    if (!checked) {
      error.textContent = t('evalPickRating');
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    void onSubmit(Number(checked.value), comment.value.trim()).then((problem) => {
      submit.disabled = false;
      if (problem) error.textContent = problem;
    });
  });
  return form;
}

export function evaluationThanks(): HTMLElement {
  return h('div', { className: 'evaluation card thanks', role: 'status' }, t('evalThanks'));
}
