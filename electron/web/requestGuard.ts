/**
 * Who may call the browser-mode API: only the page this server served. A request must name this
 * server in `Host` (blocks DNS rebinding: evil.example resolving to 127.0.0.1 sends Host: evil.example),
 * carry no foreign `Origin` and no cross-site `Sec-Fetch-Site`, and send JSON (a plain HTML form cannot).
 */

/** Request headers as Node gives them (lower-case names). */
export type Headers = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The `host:port` names this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Why an API request is refused, or undefined when it is same-origin. */
export function rejectApiRequest(headers: Headers, port: number): string | undefined {
  const hosts = allowedHosts(port);
  const host = header(headers, 'host')?.toLowerCase();
  if (!host || !hosts.includes(host)) return `refused: Host "${host ?? ''}" is not this server (${hosts[0]})`;
  const origin = header(headers, 'origin')?.toLowerCase();
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return `refused: cross-origin request from "${origin}"`;
  const site = header(headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `refused: cross-site request (Sec-Fetch-Site: ${site})`;
  const type = header(headers, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return 'refused: the API takes application/json';
  return undefined;
}

/** Static files are only served under this server's own name too (no rebinding reads of the app). */
export function rejectStaticRequest(headers: Headers, port: number): string | undefined {
  const host = header(headers, 'host')?.toLowerCase();
  return host && allowedHosts(port).includes(host) ? undefined : `refused: Host "${host ?? ''}" is not this server`;
}
