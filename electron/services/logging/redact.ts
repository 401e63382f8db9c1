/**
 * What may reach a log line. Log files leave the machine (导出日志 → support), so every detail
 * is walked before it is written: values under secret-sounding keys (password, token, secret,
 * authorization, cookie…) are replaced, and secrets inside strings (a `?token=` in a URL, a
 * Bearer header, `sip:user:password@host`, `"password":"…"` in a JSON text) are cut out. This is
 * the last line of defence; callers still should not log secrets (redactSipSettings and co.).
 */

export const REDACTED = '[redacted]';

/** Keys compared lower-case with `-` and `_` removed: refreshToken, sip_password, X-Api-Key… */
const SECRET_KEY_ENDINGS = ['password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'tokens', 'ticket'];
const SECRET_KEYS = new Set([
  'pass',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'credential',
  'credentials',
  'apikey',
  'xapikey',
  'privatekey',
  'ha1',
  'sessionkey',
]);

export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_KEYS.has(normalized) || SECRET_KEY_ENDINGS.some((ending) => normalized.endsWith(ending));
}

/**
 * A key name that ends in one of the secret words, as it appears in free text. The prefix is
 * bounded: an unbounded `[\w-]*` backtracks quadratically over a long word (a base64 blob).
 */
const KEY_IN_TEXT = String.raw`[\w-]{0,32}(?:password|passwd|pwd|secret|token|ticket|api[-_]?key)`;
const TEXT_RULES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // `"password":"…"`, `password: …`, `?token=…&`, `refresh_token=…` in JSON, prose or a URL.
  [
    // A JSON text inside a JSON text escapes its quotes (\"password\":\"…\"): allow the backslash.
    new RegExp(String.raw`((?:\\?["'])?${KEY_IN_TEXT}(?:\\?["'])?\s*[:=]\s*)(\\"[^"]*?\\"|"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&#}"'\\]+)`, 'gi'),
    (_match, key = '', value = '') => {
      const quote = /^\\?["']/.exec(value)?.[0] ?? '';
      return `${key}${quote}${REDACTED}${quote}`;
    },
  ],
  // Authorization header values.
  [/\b(Bearer|Basic|Digest)\s+[^\s,;"']{6,}/g, (_match, scheme = '') => `${scheme} ${REDACTED}`],
  // Credentials in a URI: sip:1001:secret@host, wss://user:secret@host.
  [/\b((?:sips?|wss?|https?):(?:\/\/)?[^:@/\s"']+:)[^@/\s"']+@/gi, (_match, user = '') => `${user}${REDACTED}@`],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replace] of TEXT_RULES) out = out.replace(pattern, replace);
  return out;
}

/** Past these, a detail is cut: one log line must stay readable and bounded. */
const LIMITS = { depth: 8, arrayItems: 100, stringChars: 16_384 };

/** Cut first, then redact: the rules then never scan more than the limit. */
function boundedText(text: string): string {
  if (text.length <= LIMITS.stringChars) return redactText(text);
  return `${redactText(text.slice(0, LIMITS.stringChars))}…(+${text.length - LIMITS.stringChars} chars)`;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: boundedText(error.message) };
  if (error.stack) out.stack = boundedText(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, seen);
  return out;
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return boundedText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : typeof value === 'bigint' ? String(value) : value;
  if (seen.has(value)) return '[circular]';
  if (depth > LIMITS.depth) return '[deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, depth, seen);
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof Map) return walk(Object.fromEntries(value), depth, seen);
    if (Array.isArray(value)) {
      const items = value.slice(0, LIMITS.arrayItems).map((item) => walk(item, depth + 1, seen));
      if (value.length > LIMITS.arrayItems) items.push(`…(+${value.length - LIMITS.arrayItems} items)`);
      return items;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Flags such as rememberPassword: true say nothing secret and help support.
      const keepsNoSecret = item === null || item === undefined || typeof item === 'boolean' || item === '';
      out[key] = isSecretKey(key) && !keepsNoSecret ? REDACTED : walk(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A copy of `value` fit for a log file: secrets replaced, errors spelled out, size bounded. */
export function redactSecrets(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}
