/**
 * Entry of browser mode (`npm run web`, also what `npm start` falls back to): parses `--port`/`PORT`,
 * starts the server over the real services and prints the URL. Stops cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHostHandlers, createNodeHostServices } from '../services/hostHandlers.ts';
import { chooseApiToken } from './apiToken.ts';
import { parseWebArgs } from './cliArgs.ts';
import { startWebServer } from './server.ts';
import type { RunningWebServer } from './server.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** PromTopo's version from package.json. */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Starts browser mode; resolves to the running server, or undefined after printing a usage error. */
export async function runWebMode(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningWebServer | undefined> {
  const parsed = parseWebArgs(argv, env);
  if (!parsed.ok) {
    console.error(`promtopo web: ${parsed.error}`);
    process.exitCode = 2;
    return undefined;
  }
  const chosen = chooseApiToken(env);
  if ('error' in chosen) {
    console.error(`promtopo web: ${chosen.error}`);
    process.exitCode = 2;
    return undefined;
  }
  const rendererDir = resolve(parsed.args.rendererDir ?? resolve(projectRoot, 'dist/renderer'));
  const handlers = createHostHandlers(createNodeHostServices(), { mode: 'browser', version: appVersion() });
  let server: RunningWebServer;
  try {
    server = await startWebServer({ port: parsed.args.port, rendererDir, handlers, token: chosen.token });
  } catch (e) {
    const code = (e as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `promtopo web: port ${parsed.args.port} on 127.0.0.1 is in use; choose another with --port N (0 = any free port)` : `promtopo web: could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return undefined;
  }
  // The only place the token is printed: whoever can read this line may use the API.
  console.log(`PromTopo (browser mode) at ${server.pageUrl}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
