/**
 * Polls a condition until it holds or the bounded time runs out (then throws with the label). The
 * bound is a backstop for a condition that never comes, not a speed target: it is long enough for
 * a loaded CI machine.
 */
export async function waitFor<T>(label: string, probe: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for: ${label} (last: ${JSON.stringify(last)})`);
}
