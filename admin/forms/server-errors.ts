/**
 * The server's VALIDATION_FAILED details name fields as 'body.<field>' (or the field alone): they
 * are put on the form's own fields, so the admin sees each problem beside the input it is about.
 */
import type { AppError } from '../../shared/errors.js';

export interface FieldError<F extends string> {
  name: F;
  errors: string[];
}

export function fieldErrorsOf<F extends string>(error: AppError, fieldNames: readonly F[]): FieldError<F>[] {
  return Object.entries(error.details ?? {}).flatMap(([path, problem]) => {
    const name = path.replace(/^body\./, '').split('.')[0] ?? '';
    return (fieldNames as readonly string[]).includes(name) ? [{ name: name as F, errors: [problem] }] : [];
  });
}
