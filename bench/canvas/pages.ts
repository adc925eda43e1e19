/**
 * The two pages the canvas benchmark compares, served on 127.0.0.1 (free ports): PromTopo in browser
 * mode (the built renderer and the real host services) and the bare React Flow anchor, built with the
 * project's own Vite, React and @xyflow/react into a temp folder beside the graphs it reads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { createHostHandlers, createNodeHostServices } from '../../electron/services/hostHandlers.ts';
import type { HostHandlers } from '../../electron/services/hostHandlers.ts';
import { startWebServer } from '../../electron/web/server.ts';
import type { RunningWebServer } from '../../electron/web/server.ts';
import type { AnchorGraph } from './benchGraph.ts';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A served page: its base URL and how to stop it. */
export interface ServedPage {
  readonly url: string;
  /** Browser mode's session token (PromTopo only). */
  readonly pageUrl: string;
  readonly dir: string;
  close(): Promise<void>;
}

/** Builds the anchor page into a temp folder, writes `graph-<name>.json` for each graph, serves it. */
export async function serveAnchor(graphs: ReadonlyMap<string, AnchorGraph>, handlers: HostHandlers): Promise<ServedPage> {
  const dir = mkdtempSync(join(tmpdir(), 'promtopo-bench-anchor-'));
  await build({
    configFile: false,
    root: resolve(projectRoot, 'bench/canvas/anchor'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 6000 },
  });
  for (const [name, graph] of graphs) writeFileSync(join(dir, `graph-${name}.json`), JSON.stringify(graph));
  const server = await startWebServer({ port: 0, rendererDir: dir, handlers, token: randomBytes(24).toString('base64url') });
  return {
    url: server.url,
    pageUrl: server.url,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves dist/renderer (built beforehand) in browser mode over the real host services. */
export async function servePromtopo(rendererDir: string): Promise<ServedPage & { handlers: HostHandlers }> {
  const version = (JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const handlers = createHostHandlers(createNodeHostServices(), { mode: 'browser', version });
  const server: RunningWebServer = await startWebServer({ port: 0, rendererDir, handlers, token: randomBytes(24).toString('base64url') });
  return { url: server.url, pageUrl: server.pageUrl, dir: rendererDir, handlers, close: () => server.close() };
}
