/**
 * Before the workstation switches to an address the agent typed: is a Kefu Desk backend
 * answering there? GET /api/health must answer 200 with our service name — a proxy's error page,
 * a router's login page or another application answer something else, and a redirect means the
 * agent should type the address it leads to.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import { HEALTH_PATH, HealthSchema } from '../../../shared/protocol/health.js';

const ANSWER_BYTES_MAX = 64 * 1024;

export async function probeServer(url: string, timeoutMs = 5_000): Promise<Result<null>> {
  let response: Response;
  try {
    response = await fetch(`${url}${HEALTH_PATH}`, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return fail('TIMEOUT', `${url} did not answer within ${timeoutMs / 1000} s`, { reason: 'unreachable' });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return fail('NETWORK', `cannot reach ${url}: ${cause}`, { reason: 'unreachable' });
  }
  const notKefu = (why: string) => fail('VALIDATION_FAILED', `${url} answers, but it is not a Kefu Desk server (${why})`, { reason: 'not-kefu' });
  if (response.status !== 200) {
    await response.body?.cancel();
    return notKefu(`GET ${HEALTH_PATH} → ${response.status}`);
  }
  const text = await boundedText(response, ANSWER_BYTES_MAX).catch(() => null);
  if (text === null) return notKefu('its answer is too large or broken off');
  let answer: unknown = null;
  try {
    answer = JSON.parse(text);
  } catch {
    /* not JSON: not ours */
  }
  return HealthSchema.safeParse(answer).success ? ok(null) : notKefu(`GET ${HEALTH_PATH} does not name the service`);
}

/** The body as text, or null past `max` bytes (a web page or a stream must not be read whole). */
async function boundedText(response: Response, max: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
