/**
 * One measured visit of a canvas page in headless Chromium: load, heap, DOM size, pan, drag (fitted
 * view and zoom 1), drag end and, on PromTopo, an inspector edit. Main-thread work comes from the
 * DevTools `Performance.getMetrics` TaskDuration counter, so it is not rounded to frames; the
 * "-> next frame" figures are wall-clock times measured in the page (probes.js).
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { TOKEN_STORAGE_KEY } from '../../app/host/browserToken.ts';

/** Figures of one visit, in ms unless named otherwise. */
export interface VisitFigures {
  load: number;
  firstNode: number;
  longTasks: number;
  heapMiB: number;
  domElements: number;
  pan: number;
  dragFitted: number;
  dragZoom1: number;
  dragEndTask: number;
  dragEndFrame: number;
  editTask?: number;
  editFrame?: number;
}

export interface Visit {
  readonly url: string;
  readonly expectedNodes: number;
  /** PromTopo: the document the first start opens instead of the built-in example. */
  readonly documentText?: string;
  /** PromTopo's session token, put in sessionStorage as the printed URL would. */
  readonly token?: string;
  /** Which figures: `full` (canvas at scale) or `startup` (load only). */
  readonly scope: 'full' | 'startup';
  readonly inspector: boolean;
}

interface Probes {
  state: { loadedAt?: number; firstNodeAt?: number; longTaskMs: number; eventToFrame?: number; editToRepaint?: number };
  frame(): Promise<void>;
  afterNextFrame(): Promise<void>;
  zoom(): number;
  centreNode(prefer?: string): { id: string; x: number; y: number } | undefined;
  panePoint(): { x: number; y: number } | undefined;
  transformOf(id: string): string;
  viewportTransform(): string;
  armEventToFrame(type: string): void;
  armEditToRepaint(selector: string): void;
  domElements(): number;
  rect(selector: string): { x: number; y: number; width: number; height: number } | undefined;
}
/** The page's global with the probes (referenced inside page functions, which run in the page). */
type BenchWindow = { __bench: Probes };

const STEPS = 20;
const probesFile = new URL('./probes.js', import.meta.url).pathname;

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function frame(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.frame());
}

async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.afterNextFrame());
}

/** Main-thread ms per update of `STEPS` pointer moves from (x, y), the button held. */
async function gesture(page: Page, cdp: CDPSession, from: { x: number; y: number }, watch: () => Promise<string>): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 3);
  await settle(page);
  const before = await watch();
  const t0 = await taskMs(cdp);
  for (let i = 1; i <= STEPS; i++) {
    await page.mouse.move(from.x + 6 + i * 3, from.y + 3 + i * 2);
    await frame(page);
  }
  const t1 = await taskMs(cdp);
  if ((await watch()) === before) throw new Error('the gesture moved nothing on the page');
  return (t1 - t0) / STEPS;
}

async function release(page: Page, cdp: CDPSession): Promise<{ task: number; frame: number }> {
  await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.armEventToFrame('pointerup'));
  const t0 = await taskMs(cdp);
  await page.mouse.up();
  await page.waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.state.eventToFrame !== undefined, undefined, { timeout: 30_000 }).catch((e: unknown) => {
    throw new Error(`no frame after pointer up: ${e instanceof Error ? e.message : String(e)}`);
  });
  await settle(page);
  const t1 = await taskMs(cdp);
  return { task: t1 - t0, frame: (await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.state.eventToFrame)) ?? NaN };
}

/** Zooms to 1 around (x, y) with one wheel turn (React Flow: scale * 2^(-deltaY * 0.002)). */
async function zoomToOne(page: Page, at: { x: number; y: number }): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const z = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.zoom());
    if (Math.abs(z - 1) < 0.01) return;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, Math.log2(z) / 0.002);
    await settle(page);
  }
  throw new Error(`could not zoom to 1 (zoom ${await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.zoom())})`);
}

export async function visitPage(browser: Browser, visit: Visit): Promise<VisitFigures> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  try {
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
    if (visit.token) {
      await context.addInitScript(([key, token]: [string, string]) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(key, token), [TOKEN_STORAGE_KEY, visit.token] as [string, string]);
    }
    await context.addInitScript(`window.__benchExpected = ${visit.expectedNodes};`);
    await context.addInitScript({ path: probesFile });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    if (visit.documentText !== undefined) {
      const text = visit.documentText;
      await page.route('**/api/loadExample', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, text }) }));
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(visit.url);
    await page.waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.state.loadedAt !== undefined, undefined, { timeout: 120_000 });
    const state = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.state);
    await settle(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    const domElements = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.domElements());
    const base = { load: state.loadedAt ?? NaN, firstNode: state.firstNodeAt ?? NaN, longTasks: state.longTaskMs, heapMiB: heap, domElements };
    if (visit.scope === 'startup') return { ...base, pan: NaN, dragFitted: NaN, dragZoom1: NaN, dragEndTask: NaN, dragEndFrame: NaN };

    const panAt = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.panePoint());
    if (!panAt) throw new Error('no bare pane point to pan from');
    const pan = await gesture(page, cdp, panAt, () => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.viewportTransform()));
    await release(page, cdp);

    const node = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.centreNode('l'));
    if (!node) throw new Error('no node to drag');
    const dragFitted = await gesture(page, cdp, node, () => page.evaluate((id) => (globalThis as unknown as BenchWindow).__bench.transformOf(id), node.id));
    const end = await release(page, cdp);

    const again = await page.evaluate((id) => (globalThis as unknown as BenchWindow).__bench.rect(`.react-flow__node[data-id="${id}"]`), node.id);
    if (!again) throw new Error(`node ${node.id} is gone after the drag`);
    await zoomToOne(page, { x: again.x + again.width / 2, y: again.y + again.height / 2 });
    const near = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.centreNode('l'));
    if (!near) throw new Error('no node to drag at zoom 1');
    const dragZoom1 = await gesture(page, cdp, near, () => page.evaluate((id) => (globalThis as unknown as BenchWindow).__bench.transformOf(id), near.id));
    await release(page, cdp);

    let edit: { editTask?: number; editFrame?: number } = {};
    if (visit.inspector) edit = await inspectorEdit(page, cdp, near.id);
    if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
    return { ...base, pan, dragFitted, dragZoom1, dragEndTask: end.task, dragEndFrame: end.frame, ...edit };
  } finally {
    await context.close();
  }
}

/** Sets the scrape interval of node `id` in the inspector and waits for its samples/s badge to change. */
async function inspectorEdit(page: Page, cdp: CDPSession, id: string): Promise<{ editTask: number; editFrame: number }> {
  const box = await page.evaluate((nodeId) => (globalThis as unknown as BenchWindow).__bench.rect(`.react-flow__node[data-id="${nodeId}"] .pt-node-name`), id);
  if (!box) throw new Error(`node ${id} has no name on its card`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const field = page.getByLabel('Scrape interval', { exact: true });
  await field.waitFor();
  const value = (await field.inputValue()) === '45s' ? '20s' : '45s';
  await field.fill(value);
  await settle(page);
  const badge = `.react-flow__node[data-id="${id}"] [data-metric="samples"]`;
  await page.evaluate((selector) => (globalThis as unknown as BenchWindow).__bench.armEditToRepaint(selector), badge);
  const t0 = await taskMs(cdp);
  await field.press('Enter');
  if (process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/edit-${id}.png` });
  await page.waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.state.editToRepaint !== undefined, undefined, { timeout: 30_000 });
  await settle(page);
  const t1 = await taskMs(cdp);
  return { editTask: t1 - t0, editFrame: (await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.state.editToRepaint)) ?? NaN };
}
