/**
 * The one place the shared SQL text becomes PostgreSQL's: placeholders (`?` in order, `@name` by
 * name, the same name reusing its number) become `$n`, and `LIKE` becomes `ILIKE`, because the
 * repositories rely on SQLite's case-insensitive LIKE. Quoted strings and identifiers are left
 * untouched. Everything else in the repositories is SQL both engines speak.
 */
export interface PostgresSql {
  text: string;
  /** Parameter count (`$1`…`$n`). */
  count: number;
  /** For named parameters: the name of each `$n` in order; null when the statement uses `?`. */
  names: string[] | null;
}

export function toPostgresSql(sql: string): PostgresSql {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // A quoted string or identifier, with its doubled quotes, copied as it is.
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '?') {
      out += `$${++positional}`;
      i++;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /\w/.test(sql[j]!)) j++;
      const name = sql.slice(i + 1, j);
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i = j;
    } else if (/[A-Za-z_]/.test(c) && !/\w/.test(sql[i - 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /\w/.test(sql[j]!)) j++;
      const word = sql.slice(i, j);
      out += word.toUpperCase() === 'LIKE' ? 'ILIKE' : word;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`a statement mixes ? and @name placeholders: ${sql}`);
  return { text: out, count: positional || names.length, names: names.length > 0 ? names : null };
}
