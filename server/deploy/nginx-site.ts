/**
 * The nginx site that puts several backend nodes behind one address. The README's sample
 * (docs/nginx-kefu.conf) is this function's output, checked by a test, so the two cannot drift.
 */
export interface NginxSite {
  /** `listen` argument, e.g. `443 ssl` or `127.0.0.1:8080`. */
  listen: string;
  /** host:port of each backend node. */
  nodes: string[];
}

export function nginxSiteConfig(site: NginxSite): string {
  return `  # Kefu Desk: ${site.nodes.length} backend node(s) behind one address.
  # An empty Connection header keeps the upstream connections alive; an upgrade passes through.
  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      '';
  }
  upstream kefu_nodes {
    # Any node serves any request: state is in PostgreSQL, fan-out in Redis.
    least_conn;
${site.nodes.map((node) => `    server ${node} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen ${site.listen};
    # Uploads are checked by the backend (its own limit answers with a coded error); nginx only caps the body.
    client_max_body_size 30m;
    location / {
      proxy_pass http://kefu_nodes;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # A request that could not reach a node (refused, reset before sending) goes to the next one;
      # one that reached a node is never sent twice.
      proxy_next_upstream error;
      # Realtime sockets stay open for hours; the clients' own heartbeats keep them alive.
      proxy_read_timeout 3600s;
      proxy_send_timeout 3600s;
      proxy_buffering off;
    }
  }`;
}
