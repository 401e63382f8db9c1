import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluationForm, evaluationOptionsOf } from './evaluation.js';
import { checkUpload } from '../upload.js';
import { uploadRuleFor } from '../../../../shared/company-rules.js';
import { setLang } from '../i18n.js';

afterEach(() => {
  document.body.replaceChildren();
  setLang('zh-CN');
});

const optionTexts = (form: HTMLElement) => [...form.querySelectorAll('.rating-option')].map((option) => option.textContent);
const pick = (form: HTMLElement, rating: number) => {
  (form.querySelector(`input[name="kefu-eval-rating"][value="${rating}"]`) as HTMLInputElement).checked = true;
  form.dispatchEvent(new Event('submit', { cancelable: true }));
};

describe('the satisfaction form follows 公司设置', () => {
  it("shows the company's words for the levels it named and the widget's own for the others; sends the level", () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    const labels = ['很差', '', '还行', '', '棒极了'] as const;
    const form = evaluationForm(onSubmit, evaluationOptionsOf({ evaluationLabels: [...labels], evaluationCommentEnabled: true }));
    document.body.append(form);
    expect(optionTexts(form)).toEqual(['棒极了', '满意', '还行', '不满意', '很差']);
    (form.querySelector('#kefu-eval-comment') as HTMLTextAreaElement).value = '  很快  ';
    pick(form, 1);
    // The level is sent, never its words.
    expect(onSubmit).toHaveBeenCalledWith(1, '很快');
  });

  it("an untouched company speaks the visitor's language; no comment box where none is offered", () => {
    setLang('en');
    const onSubmit = vi.fn().mockResolvedValue(null);
    const form = evaluationForm(onSubmit, evaluationOptionsOf({ evaluationLabels: ['', '', '', '', ''], evaluationCommentEnabled: false }));
    document.body.append(form);
    expect(optionTexts(form)[0]).toMatch(/satisfied/i);
    expect(form.querySelector('#kefu-eval-comment')).toBeNull();
    expect(form.querySelector('label[for="kefu-eval-comment"]')).toBeNull();
    pick(form, 4);
    expect(onSubmit).toHaveBeenCalledWith(4, '');
  });

  it('before the settings are known: the widget’s own words, with a comment', () => {
    const form = evaluationForm(vi.fn(), evaluationOptionsOf(null));
    expect(optionTexts(form)).toEqual(['非常满意', '满意', '一般', '不满意', '非常不满意']);
    expect(form.querySelector('#kefu-eval-comment')).not.toBeNull();
  });
});

describe('uploads follow 公司设置 文件 before a byte is sent', () => {
  const MB = 1024 * 1024;
  it('refuses everything when visitors may not send, and by the company size otherwise', () => {
    const off = uploadRuleFor({ visitorUploadsEnabled: false, visitorUploadMaxMb: 20, agentUploadMaxMb: 20 }, 'visitor');
    expect(checkUpload('file', { size: 1, type: '' }, off)).toEqual({ key: 'uploadsOff' });
    expect(checkUpload('image', { size: 1, type: 'image/png' }, off)).toEqual({ key: 'uploadsOff' });
    const small = uploadRuleFor({ visitorUploadsEnabled: true, visitorUploadMaxMb: 2, agentUploadMaxMb: 20 }, 'visitor');
    expect(checkUpload('file', { size: 2 * MB + 1, type: '' }, small)).toEqual({ key: 'fileTooBig', mb: 2 });
    expect(checkUpload('file', { size: 2 * MB, type: '' }, small)).toBeNull();
    expect(checkUpload('image', { size: 3 * MB, type: 'image/png' }, small)).toEqual({ key: 'imageTooBig', mb: 2 });
    // Unknown settings: the hard limits.
    expect(checkUpload('file', { size: 20 * MB + 1, type: '' })).toEqual({ key: 'fileTooBig', mb: 20 });
  });
});
