/**
 * The canvas benchmark: PromTopo against the bare React Flow anchor, interleaved in one run (the
 * order alternates between repetitions), at 250, 1,000 and 2,000 nodes, plus the start-up of the
 * built-in example and the size of each page's entry chunk. Figures are medians over repetitions.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { parseTopology } from '../../src/model/document.ts';
import { anchorGraph, gridTopology } from './benchGraph.ts';
import type { AnchorGraph } from './benchGraph.ts';
import { visitPage } from './measurePage.ts';
import type { VisitFigures } from './measurePage.ts';
import { projectRoot, serveAnchor, servePromtopo } from './pages.ts';

/** Chromium as playwright.config.ts launches it. */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};

export const CANVAS_SIZES = [250, 1000, 2000] as const;

/** Medians per side and size. */
export interface CanvasResults {
  readonly sizes: readonly { requested: number; nodes: number; anchor: VisitFigures; promtopo: VisitFigures }[];
  readonly startup: { nodes: number; anchor: VisitFigures; promtopo: VisitFigures };
  readonly entryGzipKiB: { anchor: number; promtopo: number };
}

function medianOf(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

function medianFigures(all: readonly VisitFigures[]): VisitFigures {
  const keys = Object.keys(all[0] ?? {}) as (keyof VisitFigures)[];
  return Object.fromEntries(keys.map((k) => [k, medianOf(all.map((f) => f[k] ?? NaN))])) as unknown as VisitFigures;
}

/** gzip size (KiB) of the entry script of a built page and of the chunks it preloads. */
export function entryGzipKiB(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0) / 1024;
}

async function interleaved(reps: number, run: (side: 'anchor' | 'promtopo') => Promise<VisitFigures>): Promise<{ anchor: VisitFigures; promtopo: VisitFigures }> {
  const out = { anchor: [] as VisitFigures[], promtopo: [] as VisitFigures[] };
  for (let r = 0; r < reps; r++) {
    const order = r % 2 === 0 ? (['anchor', 'promtopo'] as const) : (['promtopo', 'anchor'] as const);
    for (const side of order) {
      out[side].push(await run(side));
      process.stderr.write('.');
    }
  }
  return { anchor: medianFigures(out.anchor), promtopo: medianFigures(out.promtopo) };
}

export async function runCanvasBench(options: { reps: number; sizes?: readonly number[] }): Promise<CanvasResults> {
  const rendererDir = resolve(projectRoot, 'dist/renderer');
  const example = parseTopology(readFileSync(resolve(projectRoot, 'assets/examples/multi-dc.promtopo.json'), 'utf8'), 'multi-dc');
  if (!example.ok) throw new Error('assets/examples/multi-dc.promtopo.json does not parse');
  const topologies = new Map((options.sizes ?? CANVAS_SIZES).map((n) => [n, gridTopology(n)]));
  const graphs = new Map<string, AnchorGraph>([['example', anchorGraph(example.topology)], ...[...topologies].map(([n, t]) => [String(n), anchorGraph(t)] as const)]);
  const promtopo = await servePromtopo(rendererDir);
  const anchor = await serveAnchor(graphs, promtopo.handlers);
  const token = new URL(promtopo.pageUrl).hash.replace(/^#token=/, '');
  const browser: Browser = await chromium.launch(LAUNCH);
  try {
    const startup = await interleaved(options.reps + 2, (side) =>
      visitPage(browser, side === 'anchor'
        ? { url: `${anchor.url}?graph=example`, expectedNodes: example.topology.nodes.length, scope: 'startup', inspector: false }
        : { url: promtopo.url, token, expectedNodes: example.topology.nodes.length, scope: 'startup', inspector: false }),
    );
    const sizes: CanvasResults['sizes'][number][] = [];
    for (const [requested, t] of topologies) {
      const text = JSON.stringify(t);
      const figures = await interleaved(options.reps, (side) =>
        visitPage(browser, side === 'anchor'
          ? { url: `${anchor.url}?graph=${requested}`, expectedNodes: t.nodes.length, scope: 'full', inspector: false }
          : { url: promtopo.url, token, documentText: text, expectedNodes: t.nodes.length, scope: 'full', inspector: true }),
      );
      sizes.push({ requested, nodes: t.nodes.length, ...figures });
    }
    return {
      sizes,
      startup: { nodes: example.topology.nodes.length, ...startup },
      entryGzipKiB: { anchor: entryGzipKiB(anchor.dir), promtopo: entryGzipKiB(rendererDir) },
    };
  } finally {
    await browser.close();
    await anchor.close();
    await promtopo.close();
  }
}

