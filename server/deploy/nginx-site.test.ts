import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxSample } from './nginx-sample.js';

describe('the nginx sample in docs', () => {
  it('is the config the tests run nginx with (regenerate: npx tsx -e "…nginxSample()" > docs/nginx-kefu.conf)', () => {
    expect(readFileSync(new URL('../../docs/nginx-kefu.conf', import.meta.url), 'utf8')).toBe(nginxSample());
  });
});
