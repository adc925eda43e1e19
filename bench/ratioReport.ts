/**
 * The one table `npm run bench` prints for the canvas, start-up, export and CLI: each figure as a
 * ratio PromTopo / anchor with both absolute values, as Markdown (the README's performance section
 * shows it as printed).
 */
import type { CanvasResults } from './canvas/runCanvas.ts';
import type { VisitFigures } from './canvas/measurePage.ts';
import type { ExportFigures } from './exportBench.ts';

function num(v: number, unit: string): string {
  if (!Number.isFinite(v)) return 'n/a';
  const text = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `${text}${unit}`;
}

function ratio(ours: number, anchor: number, unit: string): string {
  const r = ours / anchor;
  return `${Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a'} (${num(ours, unit)} / ${num(anchor, unit)})`;
}

type Row = readonly [string, ...string[]];

function canvasRows(c: CanvasResults): Row[] {
  const per = (label: string, key: keyof VisitFigures, unit: string): Row => [label, ...c.sizes.map((s) => ratio(s.promtopo[key] ?? NaN, s.anchor[key] ?? NaN, unit))];
  const ours = (label: string, key: keyof VisitFigures, unit: string): Row => [label, ...c.sizes.map((s) => num(s.promtopo[key] ?? NaN, unit))];
  return [
    per('navigation -> all nodes rendered', 'load', ' ms'),
    per('drag, main-thread ms per update (fitted view)', 'dragFitted', ' ms'),
    per('drag at zoom 1', 'dragZoom1', ' ms'),
    per('pan, main-thread ms per update (fitted view)', 'pan', ' ms'),
    per('drag end: pointer up -> next frame', 'dragEndFrame', ' ms'),
    per('drag end: main-thread work', 'dragEndTask', ' ms'),
    ours('inspector edit (scrape interval, Enter) -> badge repainted (PromTopo only)', 'editFrame', ' ms'),
    ours('inspector edit: main-thread work (PromTopo only)', 'editTask', ' ms'),
    per('JS heap after load', 'heapMiB', ' MiB'),
    per('DOM elements', 'domElements', ''),
  ];
}

function markdown(header: Row, rows: readonly Row[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function printCanvasReport(c: CanvasResults): void {
  const header: Row = ['figure (PromTopo / bare React Flow)', ...c.sizes.map((s) => `${s.nodes.toLocaleString('en')} nodes`)];
  console.log(markdown(header, canvasRows(c)));
  const s = c.startup;
  console.log('');
  console.log(markdown(['built-in example', `${s.nodes} nodes`], [
    ['navigation -> first node visible', ratio(s.promtopo.firstNode, s.anchor.firstNode, ' ms')],
    ['navigation -> all nodes rendered', ratio(s.promtopo.load, s.anchor.load, ' ms')],
    ['long tasks until then', ratio(s.promtopo.longTasks, s.anchor.longTasks, ' ms')],
    ['entry chunk (+ preloads), gzip', ratio(c.entryGzipKiB.promtopo, c.entryGzipKiB.anchor, ' KiB')],
  ]));
}

export function printExportReport(e: ExportFigures): void {
  const floor = e.uncheckedMs + e.onePromtoolMs;
  console.log(markdown([`export of ${e.servers.toLocaleString('en')} servers (${e.files} files)`, 'PromTopo / floor'], [
    ['checked export vs (unchecked export + one promtool over all configs)', `${ratio(e.exportMs, floor, ' ms')}; unchecked ${num(e.uncheckedMs, ' ms')}, one promtool ${num(e.onePromtoolMs, ' ms')}`],
  ]));
}

export function printCliReport(c: { promtopoMs: number; nodeMs: number }): void {
  console.log(markdown(['CLI start-up', 'PromTopo / node'], [['`promtopo --version` vs `node -e 0`', ratio(c.promtopoMs, c.nodeMs, ' ms')]]));
}
