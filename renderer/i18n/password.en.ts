import type { passwordZhCN } from './password.zh-CN.js';

/** Change password at the workstation, English; the same keys as password.zh-CN.ts. */
export const passwordEn: typeof passwordZhCN = {
  title: 'Change password',
  intro: 'Your password was set or reset by an administrator. Choose your own new password before you start.',
  current: 'Current password',
  next: 'New password',
  confirm: 'Confirm new password',
  currentRequired: 'Enter the current password',
  nextRequired: 'Enter a new password',
  confirmRequired: 'Enter the new password again',
  mismatch: 'The two new passwords differ',
  sameAsCurrent: 'The new password must differ from the current one',
  wrongCurrent: 'The current password is wrong',
  submit: 'Change password and continue',
  back: 'Back to login',
  failed: 'Could not change the password: {{message}}',
  rules: {
    title: 'Password rules:',
    minLength: 'At least {{min}} characters',
    maxLength: 'At most {{max}} characters',
    blank: 'Not only spaces',
    common: 'Not a common password (such as 12345678 or password)',
    sameAsAccount: 'Not the same as the account',
  },
};
