/**
 * The update controller with an updater port that does what electron-updater would (answers a
 * check, reports progress, installs) under the test's control, a timer the test fires, and the
 * workstation's activity as the test sets it.
 */
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../shared/ipc/updates.js';
import { createUpdateController, type Timers, type UpdaterPort } from './update-controller.js';
import type { Activity } from './update-policy.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

function setup(options: { offered?: string | null; quitAnswer?: boolean } = {}) {
  const calls: string[] = [];
  let offered = options.offered === undefined ? '0.2.0' : options.offered;
  let download = deferred<void>();
  let progress: (percent: number) => void = () => undefined;
  const installOnQuit: boolean[] = [];
  const port: UpdaterPort = {
    async check(feedUrl) {
      calls.push(`check ${feedUrl}`);
      return offered === null ? null : { version: offered };
    },
    download(onProgress) {
      calls.push('download');
      progress = onProgress;
      return download.promise;
    },
    async installNow() {
      calls.push('installNow');
      return options.quitAnswer ?? true;
    },
    setInstallOnQuit: (allowed) => void installOnQuit.push(allowed),
  };
  const intervals: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const timers: Timers = {
    setInterval(callback, ms) {
      const entry = { callback, ms, cleared: false };
      intervals.push(entry);
      return entry;
    },
    clearInterval: (handle) => void ((handle as (typeof intervals)[number]).cleared = true),
  };
  const activity: Activity = { callActive: false, unsentMessages: 0 };
  const states: UpdateState[] = [];
  let serverUrl = 'https://kefu.example.com';
  const controller = createUpdateController({
    port,
    activity: () => activity,
    serverUrl: () => serverUrl,
    currentVersion: '0.1.0',
    clock: () => 1_000,
    onChanged: (state) => states.push(state),
    log: () => undefined,
    timers,
  });
  return {
    controller,
    calls,
    states,
    intervals,
    activity,
    installOnQuit,
    offer: (version: string | null) => (offered = version),
    moveServer: (url: string) => (serverUrl = url),
    progress: (percent: number) => progress(percent),
    finishDownload: () => download.resolve(),
    failDownload: (message: string) => download.reject(new Error(message)),
    newDownload: () => (download = deferred<void>()),
  };
}

/** Lets the controller's awaited port calls run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('update controller', () => {
  it('checks at start and every 4 hours from the server in use, and the timer dies with stop()', async () => {
    const t = setup({ offered: null });
    t.controller.start();
    await settle();
    expect(t.calls).toEqual(['check https://kefu.example.com/updates/']);
    expect(t.intervals).toHaveLength(1);
    expect(t.intervals[0]!.ms).toBe(4 * 60 * 60 * 1000);
    t.moveServer('https://new.example.com');
    t.intervals[0]!.callback();
    await settle();
    expect(t.calls.at(-1)).toBe('check https://new.example.com/updates/');
    expect(t.controller.state()).toMatchObject({ phase: 'idle', version: null, checkedAt: 1_000 });
    t.controller.stop();
    expect(t.intervals[0]!.cleared).toBe(true);
  });

  it('downloads a newer version in the background with progress, then waits, downloaded', async () => {
    const t = setup();
    const checked = t.controller.checkNow();
    await settle();
    expect(t.controller.state()).toMatchObject({ phase: 'downloading', version: '0.2.0', percent: 0 });
    t.progress(41.6);
    t.progress(250);
    expect(t.states.map((s) => s.percent).filter((p) => p !== null && p > 0)).toEqual([42, 100]);
    t.finishDownload();
    expect(await checked).toMatchObject({ phase: 'downloaded', version: '0.2.0', percent: null });
    // Downloaded: the next tick does not ask again (the update waits for its install).
    await t.controller.checkNow();
    expect(t.calls.filter((call) => call.startsWith('check'))).toHaveLength(1);
  });

  it('takes neither the running version nor an older one (version choice)', async () => {
    for (const version of ['0.1.0', '0.0.9', '0.2.0-beta.1']) {
      const t = setup({ offered: version });
      expect(await t.controller.checkNow()).toMatchObject({ phase: 'idle', version: null });
      expect(t.calls).not.toContain('download');
    }
  });

  it('a failed download is said in words and the next check starts over', async () => {
    const t = setup();
    const checked = t.controller.checkNow();
    await settle();
    t.failDownload('sha512 checksum mismatch');
    expect(await checked).toMatchObject({ phase: 'failed', error: 'sha512 checksum mismatch', version: null });
    t.newDownload();
    const again = t.controller.checkNow();
    await settle();
    expect(t.controller.state()).toMatchObject({ phase: 'downloading', error: null });
    t.finishDownload();
    expect((await again).phase).toBe('downloaded');
  });

  it('one check at a time: a second ask joins the first', async () => {
    const t = setup();
    const first = t.controller.checkNow();
    const second = t.controller.checkNow();
    await settle();
    t.finishDownload();
    await Promise.all([first, second]);
    expect(t.calls.filter((call) => call === 'download')).toHaveLength(1);
  });

  it('立即重启 is refused during a call and with unsent messages, and installs when both are gone', async () => {
    const t = setup();
    expect(await t.controller.restartNow()).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'not-downloaded' } } });
    const checked = t.controller.checkNow();
    await settle();
    t.finishDownload();
    await checked;

    t.activity.callActive = true;
    t.activity.unsentMessages = 2;
    expect(await t.controller.restartNow()).toMatchObject({ ok: false, error: { details: { reason: 'call' } } });
    expect(t.controller.state().blockedBy).toBe('call');
    t.activity.callActive = false;
    expect(await t.controller.restartNow()).toMatchObject({ ok: false, error: { details: { reason: 'outbox' } } });
    expect(t.controller.state().blockedBy).toBe('outbox');
    expect(t.calls).not.toContain('installNow');

    t.activity.unsentMessages = 0;
    expect(await t.controller.restartNow()).toMatchObject({ ok: true, value: { blockedBy: null } });
    expect(t.calls).toContain('installNow');
  });

  it('on quit: installs only when allowed at that moment', async () => {
    const t = setup();
    t.controller.beforeQuit();
    expect(t.installOnQuit).toEqual([false]);
    const checked = t.controller.checkNow();
    await settle();
    t.finishDownload();
    await checked;
    t.activity.unsentMessages = 1;
    t.controller.beforeQuit();
    t.activity.unsentMessages = 0;
    t.activity.callActive = true;
    t.controller.beforeQuit();
    t.activity.callActive = false;
    t.controller.beforeQuit();
    expect(t.installOnQuit).toEqual([false, false, false, true]);
  });

  it('after stop(), a check still under way tells nobody', async () => {
    const t = setup();
    t.controller.start();
    await settle();
    const before = t.states.length;
    t.controller.stop();
    t.finishDownload();
    await settle();
    expect(t.states).toHaveLength(before);
  });
});

describe('update controller where the app cannot update itself', () => {
  it('asks nothing, starts no timer, installs nothing', async () => {
    const calls: string[] = [];
    const intervals: unknown[] = [];
    const controller = createUpdateController({
      port: {
        check: async () => (calls.push('check'), { version: '9.0.0' }),
        download: async () => void calls.push('download'),
        installNow: async () => (calls.push('install'), true),
        setInstallOnQuit: () => undefined,
      },
      available: false,
      activity: () => ({ callActive: false, unsentMessages: 0 }),
      serverUrl: () => 'https://kefu.example.com',
      currentVersion: '0.1.0',
      clock: () => 0,
      onChanged: () => undefined,
      log: () => undefined,
      timers: { setInterval: (callback) => intervals.push(callback), clearInterval: () => undefined },
    });
    controller.start();
    expect(await controller.checkNow()).toMatchObject({ available: false, phase: 'idle' });
    expect(await controller.restartNow()).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(intervals).toEqual([]);
  });
});
