/** Command-line and environment options of browser mode (`npm run web -- --port 8080`). */

export interface WebArgs {
  /** TCP port on 127.0.0.1; 0 = a free port. */
  readonly port: number;
  /** Folder of the built renderer, when not dist/renderer. */
  readonly rendererDir?: string;
}

export type WebArgsResult = { ok: true; args: WebArgs } | { ok: false; error: string };

function parsePort(text: string, source: string): number | string {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) return `${source}: "${text}" is not a port number (0-65535; 0 picks a free port)`;
  return Number(text);
}

/** `--port N` (or `--port=N`) wins over `PORT`; default 0 (a free port). */
export function parseWebArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): WebArgsResult {
  let port: number | string = env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT, 'PORT') : 0;
  let rendererDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === '--port') {
      const v = value();
      if (v === undefined) return { ok: false, error: '--port needs a number' };
      port = parsePort(v, '--port');
    } else if (name === '--renderer-dir') {
      rendererDir = value();
      if (!rendererDir) return { ok: false, error: '--renderer-dir needs a folder' };
    } else if (name === '--web') {
      continue;
    } else return { ok: false, error: `unknown option ${arg} (browser mode takes --port N and --renderer-dir DIR)` };
  }
  if (typeof port === 'string') return { ok: false, error: port };
  return { ok: true, args: rendererDir ? { port, rendererDir } : { port } };
}
