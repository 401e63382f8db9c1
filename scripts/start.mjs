#!/usr/bin/env node
// `npm start`: build what is missing, start the backend (SQLite, seeded accounts) and the
// workstation. Where an Electron binary exists the desktop app opens; here there is none
// (docs/PLATFORM-NOTES.md), so it says so in one line and serves the same renderer and services as the
// browser shell, printing the addresses to open.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = process.env.KEFU_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'kefu-desk');
const shellPort = Number(process.env.KEFU_SHELL_PORT ?? 3711);

const built = ['dist/renderer/index.html', 'dist/widget/index.html', 'dist/widget/widget.js', 'dist/admin/index.html'].every((f) => existsSync(join(root, f)));
if (!built || process.argv.includes('--rebuild')) {
  console.log('Building the workstation, the visitor widget and the management console…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

mkdirSync(dataRoot, { recursive: true });
// Structured (JSON) log lines go to a file; the terminal keeps what a person reads.
const logFile = join(dataRoot, 'kefu.log');

const children = [];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Start a TypeScript entry under Node and resolve with the first line of its output matching `ready`. */
function startChild(name, entry, args, ready) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code) => {
    console.error(`${name} stopped (exit ${code}).`);
    stopAll(code ?? 1);
  });
  return new Promise((resolve) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      for (const line of chunk.toString().split(/(?<=\n)/)) {
        if (line.startsWith('{')) appendFileSync(logFile, line);
        else process.stdout.write(line);
      }
      buffer += chunk.toString();
      const match = buffer.match(ready);
      if (match) {
        resolve(match[0]);
        buffer = '';
      }
    });
  });
}

const serverUrl = await startChild(
  'Backend',
  'server/main.ts',
  // No --port: the backend takes KEFU_PORT or its own default, and the workstation is given the
  // address it printed, so no port is written down twice.
  ['--data', join(dataRoot, 'server'), '--host', '127.0.0.1'],
  /http:\/\/127\.0\.0\.1:\d+/,
);

const electronPathFile = join(root, 'node_modules', 'electron', 'path.txt');
const electronBinary = existsSync(electronPathFile) ? join(root, 'node_modules', 'electron', 'dist', readFileSync(electronPathFile, 'utf8').trim()) : null;

if (electronBinary && existsSync(electronBinary) && !process.env.KEFU_BROWSER_SHELL) {
  const b = spawnSync('npm', ['run', 'build:electron'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) stopAll(b.status ?? 1);
  const app = spawn(electronBinary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, KEFU_SERVER_URL: serverUrl } });
  children.push(app);
  app.on('exit', () => stopAll(0));
} else {
  console.log('No Electron binary on this machine — starting the browser shell instead (same renderer, same services).');
  const shellUrl = await startChild(
    'Workstation services',
    'electron/services/browser-shell/main.ts',
    ['--server', serverUrl, '--data', join(dataRoot, 'workstation'), '--port', String(shellPort)],
    /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/,
  );
  console.log('');
  console.log(`  客服工作台 (agent workstation): ${shellUrl}`);
  console.log(`  访客端 (visitor widget):        ${serverUrl}/widget`);
  console.log(`  管理中心 (management console):  ${serverUrl}/admin   (admin / admin123)`);
  console.log(`  Demo accounts: admin / admin123, agent1 / agent123, agent2 / agent123`);
  console.log(`  Logs: ${logFile}`);
  console.log('  Press Ctrl+C to stop.');
}
