/**
 * Phone numbers as people write them: "+86 138-0013-8000", "13800138000", "138 0013 8000" are one
 * customer. The key drops spaces and dashes, then a leading +86 (or 0086), so lookups, uniqueness
 * and the call-log filter compare the same thing. sip: URIs are kept as they are (lower-cased).
 */
export function phoneKey(raw: string): string {
  const trimmed = raw.trim();
  if (/^sip:/i.test(trimmed)) return trimmed.toLowerCase();
  const compact = trimmed.replace(/[\s-]+/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  return compact;
}
