/**
 * The workstation's server address (服务器地址): what counts as one, and the built-in default.
 * An address is an origin only — http or https, a host, an optional port. Every REST path and the
 * realtime path are absolute (/api/…, /realtime), so a path, query or fragment in the address
 * would be dropped without a word, and user:password would travel in every request: both are
 * refused instead, with the reason.
 */

/** The backend's port when none is configured (server/config.ts takes it from here). */
export const DEFAULT_SERVER_PORT = 3710;
/** Where an installation looks when neither the agent nor a deployment config named a server. */
export const BUILT_IN_SERVER_URL = `http://127.0.0.1:${DEFAULT_SERVER_PORT}`;
export const SERVER_URL_MAX = 2048;

export type ServerUrlProblem = 'empty' | 'too-long' | 'scheme' | 'malformed' | 'credentials' | 'path';
export type ParsedServerUrl = { ok: true; url: string } | { ok: false; problem: ServerUrlProblem; message: string };

interface WhatwgUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}
// shared/ compiles without DOM or Node types (layering rule); browsers and Node 20 both have it.
const UrlParser = (globalThis as unknown as { URL: new (input: string) => WhatwgUrl }).URL;

const refuse = (problem: ServerUrlProblem, message: string): ParsedServerUrl => ({ ok: false, problem, message });

/** Checks an address typed by the agent or read from a config file; answers its normal form (the origin). */
export function parseServerUrl(input: string): ParsedServerUrl {
  const text = input.trim();
  if (text === '') return refuse('empty', 'enter the server address, e.g. https://kefu.example.com');
  if (text.length > SERVER_URL_MAX) return refuse('too-long', `the server address is longer than ${SERVER_URL_MAX} characters`);
  if (!/^https?:\/\//i.test(text)) return refuse('scheme', 'the server address must start with http:// or https://');
  let url: WhatwgUrl;
  try {
    url = new UrlParser(text);
  } catch {
    return refuse('malformed', `not a valid address: ${text.slice(0, 100)}`);
  }
  if (url.hostname === '') return refuse('malformed', `the address has no host name: ${text.slice(0, 100)}`);
  if (url.username !== '' || url.password !== '') return refuse('credentials', 'the server address must not contain a user name or password');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]$/.test(text)) {
    return refuse('path', 'the server address is only scheme, host and port (no path, ? or #), e.g. https://kefu.example.com:3710');
  }
  return { ok: true, url: url.origin };
}
