/**
 * The satisfaction form (满意度评价): 非常满意 … 非常不满意 (5 … 1) in the company's words where it
 * set them (公司设置, else the widget's own in the visitor's language), and a comment where the
 * company offers one. The level is what is sent and stored, never its words.
 */
import { LIMITS } from '../../../../shared/limits.js';
import { companyEvaluationLabel, type VisitorRules } from '../../../../shared/company-rules.js';
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

export interface EvaluationOptions {
  /** The company's words per level, index = rating − 1; '' = the widget's own. */
  labels: readonly string[];
  /** Whether the visitor may add a comment. */
  comment: boolean;
}

/** What the company's settings offer (before they are known: the widget's own words, with a comment). */
export function evaluationOptionsOf(settings: Pick<VisitorRules, 'evaluationLabels' | 'evaluationCommentEnabled'> | null): EvaluationOptions {
  return { labels: settings?.evaluationLabels ?? [], comment: settings?.evaluationCommentEnabled ?? true };
}

/** `onSubmit` answers an error text, or null when stored. */
export function evaluationForm(onSubmit: SubmitEvaluation, offered: EvaluationOptions = evaluationOptionsOf(null)): HTMLElement {
  const error = h('div', { className: 'field-error', role: 'alert' });
  const comment = h('textarea', { id: 'kefu-eval-comment', rows: 2, maxlength: LIMITS.evaluationCommentMax });
  const submit = h('button', { type: 'submit', className: 'primary' }, t('evalSubmit'));
  const options = RATINGS.map(({ value, key }) =>
    h(
      'label',
      { className: 'rating-option' },
      h('input', { type: 'radio', name: 'kefu-eval-rating', value }),
      h('span', {}, companyEvaluationLabel(offered.labels, value) || t(key)),
    ),
  );
  const commentField = offered.comment ? [h('label', { for: 'kefu-eval-comment' }, t('evalComment')), comment] : [];
  const form = h(
    'form',
    { className: 'evaluation card', 'aria-label': t('evalTitle'), novalidate: true },
    h('h2', {}, t('evalTitle')),
    h('fieldset', { className: 'rating' }, h('legend', {}, t('evalRating')), ...options),
    ...commentField,
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
    void onSubmit(Number(checked.value), offered.comment ? comment.value.trim() : '').then((problem) => {
      submit.disabled = false;
      if (problem) error.textContent = problem;
    });
  });
  return form;
}

/** Nothing picked or typed yet: the form may be drawn again (new 公司设置) without losing anything. */
export function evaluationFormUntouched(form: HTMLElement): boolean {
  const comment = form.querySelector<HTMLTextAreaElement>('#kefu-eval-comment');
  return form.querySelector('input[name="kefu-eval-rating"]:checked') === null && (comment?.value ?? '') === '';
}

export function evaluationThanks(): HTMLElement {
  return h('div', { className: 'evaluation card thanks', role: 'status' }, t('evalThanks'));
}
