import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../shared/errors.js';
import { createClosingGate } from './closing-gate.js';

/** A piece of work that runs until the test lets it finish. */
function held<T>(value: T) {
  let finish!: () => void;
  const released = new Promise<void>((resolve) => (finish = resolve));
  let started = false;
  const work = async (): Promise<Result<T>> => {
    started = true;
    await released;
    return ok(value);
  };
  return { work, finish, started: () => started };
}

describe('the closing gate', () => {
  it('work in flight when close starts completes, and close resolves only after it', async () => {
    const gate = createClosingGate();
    const job = held('written');
    const running = gate.run(job.work);
    expect(job.started()).toBe(true);
    let closed = false;
    const closing = gate.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    job.finish();
    expect(await running).toEqual({ ok: true, value: 'written' });
    await closing;
    expect(closed).toBe(true);
  });

  it('refuses new work once close has started, with SHUTTING_DOWN, without running it', async () => {
    const gate = createClosingGate();
    const inFlight = held(1);
    const running = gate.run(inFlight.work);
    const closing = gate.close();
    const late = held(2);
    expect(await gate.run(late.work)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
    expect(late.started()).toBe(false);
    let ran = false;
    gate.runInBackground(
      async () => (ran = true),
      () => undefined,
    );
    expect(ran).toBe(false);
    inFlight.finish();
    await running;
    await closing;
  });

  it('waits for background work too, and a failing one neither blocks close nor escapes', async () => {
    const gate = createClosingGate();
    const job = held(null);
    const errors: unknown[] = [];
    gate.runInBackground(job.work, (error) => errors.push(error));
    gate.runInBackground(
      async () => {
        throw new Error('sync failed');
      },
      (error) => errors.push(error),
    );
    let closed = false;
    const closing = gate.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    job.finish();
    await closing;
    expect(errors).toEqual([new Error('sync failed')]);
  });

  it('a thrown error leaves the gate, so closing does not wait for it forever', async () => {
    const gate = createClosingGate();
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await gate.close();
    expect(gate.closing).toBe(true);
  });

  it('close with nothing in flight resolves, and is the same promise each time', async () => {
    const gate = createClosingGate();
    const first = gate.close();
    expect(gate.close()).toBe(first);
    await first;
  });

  it('work that never ends does not hold the quit forever: close resolves after its limit and says how much was still running', async () => {
    const stuck: number[] = [];
    const gate = createClosingGate({ drainLimitMs: 20, onDrainLimit: (stillRunning) => stuck.push(stillRunning) });
    const hung = held('never');
    const finished = held('done');
    void gate.run(hung.work);
    const running = gate.run(finished.work);
    finished.finish();
    await running;
    await gate.close();
    expect(stuck).toEqual([1]);
    // Work that ends after the limit still leaves the gate without effect.
    hung.finish();
    expect(await gate.run(held(3).work)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
  });

  it('work that ends in time stops the limit: nothing is reported', async () => {
    const stuck: number[] = [];
    const gate = createClosingGate({ drainLimitMs: 60_000, onDrainLimit: (n) => stuck.push(n) });
    const job = held('ok');
    const running = gate.run(job.work);
    const closing = gate.close();
    job.finish();
    await running;
    await closing;
    expect(stuck).toEqual([]);
  });
});
