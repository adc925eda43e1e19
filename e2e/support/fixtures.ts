/**
 * The e2e test object: every spec imports `test`/`expect` from here. It routes every request of the
 * browser context, lets through only loopback (127.0.0.1, localhost) and inline (data:, blob:) URLs,
 * aborts the rest and fails the test if any happened: the app must work offline, with no CDN.
 * It also fails any test in which a page threw an uncaught error, logged a console error or had a
 * request fail (`pageProblems`; a test declares the ones it provokes on purpose with `allow`).
 * Page objects for the main areas come as fixtures too (one file each under e2e/support/pages/).
 * Browser mode's API wants the session token the server was started with (playwright.config.ts):
 * every page of the context finds it in sessionStorage before the app runs, as after opening the
 * printed URL, and the `request` fixture sends it, so specs just `page.goto('/')`.
 */
import { test as base, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_STORAGE_KEY } from '../../app/host/browserToken.ts';
import { CanvasPage } from './pages/canvas.ts';
import { EditorsPage } from './pages/editors.ts';
import { InspectorPage } from './pages/inspector.ts';
import { PalettePage } from './pages/palette.ts';
import { ProblemsPage } from './pages/problems.ts';
import { formatPageProblems, watchPageProblems } from './pageProblems.ts';
import type { PageProblems } from './pageProblems.ts';

/** True for URLs a PromTopo page may load. */
export function isLocalUrl(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    const { hostname, protocol } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
  } catch {
    return false;
  }
}

/** Where specs put screenshots to look at (git-ignored). */
export const ARTIFACTS_DIR = join('e2e', 'artifacts');

/** The API token of the server under test (set by playwright.config.ts). */
export function apiToken(): string {
  const token = process.env.PROMTOPO_E2E_TOKEN;
  if (!token) throw new Error('PROMTOPO_E2E_TOKEN is not set: run the specs through playwright.config.ts');
  return token;
}

export interface PromtopoFixtures {
  /** Non-local requests the page tried (aborted); the fixture asserts it is empty after each test. */
  blockedRequests: string[];
  /** Page errors, console errors and failed requests; any not `allow`ed fails the test after it. */
  pageProblems: PageProblems;
  /** The system clipboard is readable and writable by the app's own origin (127.0.0.1) only. */
  clipboardAccess: void;
  canvas: CanvasPage;
  palette: PalettePage;
  inspector: InspectorPage;
  problems: ProblemsPage;
  editors: EditorsPage;
  /** Saves a full-page PNG under e2e/artifacts/<name>.png and returns its path. */
  shot: (name: string) => Promise<string>;
}

export const test = base.extend<PromtopoFixtures>({
  context: async ({ context }, use) => {
    await context.addInitScript(([key, token]: [string, string]) => {
      try {
        const storage = (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).sessionStorage;
        if (!storage.getItem(key)) storage.setItem(key, token);
      } catch {
        // about:blank and opaque origins have no storage.
      }
    }, [TOKEN_STORAGE_KEY, apiToken()] as [string, string]);
    await use(context);
  },
  request: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ ...(baseURL ? { baseURL } : {}), extraHTTPHeaders: { 'X-PromTopo-Token': apiToken() } });
    await use(request);
    await request.dispose();
  },
  blockedRequests: [
    async ({ context }, use) => {
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocalUrl(url)) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      await use(blocked);
      expect(blocked, 'the page tried to reach the network (must stay offline)').toEqual([]);
    },
    { auto: true },
  ],
  pageProblems: [
    async ({ context }, use) => {
      const problems = watchPageProblems(context);
      await use(problems);
      const unexpected = problems.unexpected();
      expect(unexpected, `the page reported problems:\n${formatPageProblems(unexpected)}`).toEqual([]);
    },
    { auto: true },
  ],
  clipboardAccess: [
    async ({ context, baseURL }, use) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
      await use();
    },
    { auto: true },
  ],
  canvas: async ({ page }, use) => use(new CanvasPage(page)),
  palette: async ({ page }, use) => use(new PalettePage(page)),
  inspector: async ({ page }, use) => use(new InspectorPage(page)),
  problems: async ({ page }, use) => use(new ProblemsPage(page)),
  editors: async ({ page }, use) => use(new EditorsPage(page)),
  shot: async ({ page }, use) => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await use(async (name) => {
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    });
  },
});

export { expect };

/** How many nodes the built-in example (what the designer opens on first start) has. */
export function builtInExampleNodeCount(): number {
  const example = JSON.parse(readFileSync(join('assets', 'examples', 'multi-dc.promtopo.json'), 'utf8')) as { nodes: unknown[] };
  return example.nodes.length;
}
