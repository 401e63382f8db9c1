import { describe, expect, it } from 'vitest';
import { decideInstall, shouldTake } from './update-policy.js';
import { compareVersions, parseVersion } from './version.js';

const idle = { callActive: false, unsentMessages: 0 };

describe('decideInstall: never during a call or with messages in the outbox', () => {
  it('installs a downloaded update when nothing holds it back', () => {
    expect(decideInstall(true, idle)).toEqual({ install: true });
  });

  it('a call holds it back, before the outbox is even looked at', () => {
    expect(decideInstall(true, { callActive: true, unsentMessages: 0 })).toEqual({ install: false, blockedBy: 'call' });
    expect(decideInstall(true, { callActive: true, unsentMessages: 3 })).toEqual({ install: false, blockedBy: 'call' });
  });

  it('one unsent message holds it back', () => {
    expect(decideInstall(true, { callActive: false, unsentMessages: 1 })).toEqual({ install: false, blockedBy: 'outbox' });
  });

  it('nothing downloaded: nothing to install, and nothing to blame', () => {
    expect(decideInstall(false, idle)).toEqual({ install: false, blockedBy: null });
  });
});

describe('shouldTake: which offered version', () => {
  it('a newer release, by number, not by text', () => {
    expect(shouldTake('0.1.0', '0.2.0')).toBe(true);
    expect(shouldTake('0.9.0', '0.10.0')).toBe(true);
    expect(shouldTake('1.2.3', '1.2.4')).toBe(true);
    expect(shouldTake('1.2.3', 'v2.0.0')).toBe(true);
  });

  it('never the same or an older one (an admin left an old latest.yml): no downgrade', () => {
    expect(shouldTake('0.2.0', '0.2.0')).toBe(false);
    expect(shouldTake('0.2.0', '0.1.9')).toBe(false);
    expect(shouldTake('0.10.0', '0.9.0')).toBe(false);
    expect(shouldTake('0.2.0', '0.2.0+build.7')).toBe(false);
  });

  it('a pre-release only where one already runs, and then by the SemVer order', () => {
    expect(shouldTake('0.1.0', '0.2.0-beta.1')).toBe(false);
    expect(shouldTake('0.2.0-beta.1', '0.2.0-beta.2')).toBe(true);
    expect(shouldTake('0.2.0-beta.2', '0.2.0-beta.10')).toBe(true);
    expect(shouldTake('0.2.0-beta.1', '0.2.0')).toBe(true);
    expect(shouldTake('0.2.0-rc.1', '0.2.0-beta.9')).toBe(false);
  });

  it('garbage on either side is never taken', () => {
    expect(shouldTake('0.1.0', 'latest')).toBe(false);
    expect(shouldTake('0.1.0', '1.0')).toBe(false);
    expect(shouldTake('0.1.0', '01.0.0')).toBe(false);
    expect(shouldTake('dev', '9.9.9')).toBe(false);
  });
});

describe('compareVersions (SemVer 2.0 precedence)', () => {
  it('orders the spec example', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 1; i < ordered.length; i++) {
      expect(compareVersions(parseVersion(ordered[i - 1]!)!, parseVersion(ordered[i]!)!), `${ordered[i - 1]} < ${ordered[i]}`).toBeLessThan(0);
      expect(compareVersions(parseVersion(ordered[i]!)!, parseVersion(ordered[i - 1]!)!)).toBeGreaterThan(0);
    }
  });
});
