/**
 * The form is checked with the very schema the server checks the body with (shared/), so the
 * admin sees each problem beside its field before anything is sent. The schema's own words are
 * English; `messageFor` gives the console's words for a field the schema refused.
 */
import type { z } from 'zod';
import type { FieldError } from '../forms/server-errors.js';

export function schemaFieldErrors<F extends string>(error: z.ZodError, fieldNames: readonly F[], messageFor: (field: F) => string): FieldError<F>[] {
  const fields = new Set<F>();
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if ((fieldNames as readonly string[]).includes(name)) fields.add(name as F);
  }
  return [...fields].map((name) => ({ name, errors: [messageFor(name)] }));
}
