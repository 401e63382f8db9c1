import { nginxSiteConfig } from './nginx-site.js';

/** docs/nginx-kefu.conf: the site for three nodes, to put inside nginx's `http { … }` block. */
export function nginxSample(): string {
  return `# Kefu Desk behind nginx: three backend nodes on one PostgreSQL and one Redis (README, "Several nodes").
# Put this inside the http { } block (e.g. /etc/nginx/conf.d/kefu.conf), with your TLS settings on listen.
# Generated from server/deploy/nginx-site.ts; server/deploy/nginx-site.test.ts keeps the two equal.
${nginxSiteConfig({ listen: '80', nodes: ['10.0.0.11:3710', '10.0.0.12:3710', '10.0.0.13:3710'] })}
`;
}
