import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { freePort } from './free-port.js';
import { startProcess } from './process.js';
import { waitFor } from './wait-for.js';
import { nginxSiteConfig } from '../../deploy/nginx-site.js';

export interface NginxServer {
  /** http://127.0.0.1:PORT — the one address the widget and the workstation use. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in the foreground with its own prefix folder (logs, temp files, pid), in front
 * of the given backend nodes; the site part is the same config the README shows.
 */
export async function startNginx(nodePorts: number[]): Promise<NginxServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-nginx-'));
  for (const sub of ['logs', 'temp']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      `  access_log off;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, 'temp', t)};`),
      nginxSiteConfig({ listen: `127.0.0.1:${port}`, nodes: nodePorts.map((p) => `127.0.0.1:${p}`) }),
      '}',
    ].join('\n'),
  );
  const server = startProcess('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;']);
  await waitFor(`nginx on port ${port}`, async () => {
    if (server.child.exitCode !== null) throw new Error(`nginx exited: ${server.output()}`);
    return new Promise<true | undefined>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(undefined));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // SIGTERM is nginx's fast stop (open WebSockets are cut, not waited for); SIGKILL if it lingers.
      await server.stop(5_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
