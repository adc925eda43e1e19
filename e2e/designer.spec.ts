// The designer as a user drives it: the first-start example, palette drag-and-drop, connecting a
// federation edge, inline selector validation, undo/redo, delete, auto-layout, load badges.
// Every request leaves only to 127.0.0.1 (the fixture fails the test otherwise).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalog } from '../src/estimate/catalog.ts';
import { estimateLoad } from '../src/estimate/estimateLoad.ts';
import { parseTopology } from '../src/model/document.ts';
import type { Topology } from '../src/model/types.ts';
import { formatBytes, formatCount } from '../app/canvas/format.ts';
import { connectNodes, edgeLabel, loadBadge, nodeCentre, setSelector, shortcut } from './support/canvasActions.ts';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';
import { openSidebarTab } from './support/pages/sidebar.ts';

// The same catalogs the app bundles (Playwright's loader cannot import JSON without attributes).
const builtinCatalogs = readdirSync('assets/catalogs')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseCatalog(JSON.parse(readFileSync(`assets/catalogs/${f}`, 'utf8'))));

function example(id: string): Topology {
  const parsed = parseTopology(readFileSync(`assets/examples/${id}.promtopo.json`, 'utf8'), id);
  if (!parsed.ok) throw new Error(`example ${id} does not parse: ${parsed.diagnostics[0]?.message}`);
  return parsed.topology;
}

test('first start shows the multi-dc example with the estimator\'s numbers on the badges', async ({ page, canvas, shot }) => {
  const doc = example('multi-dc');
  const estimate = estimateLoad(doc, builtinCatalogs);
  await page.goto('/');
  await canvas.waitForNodes(doc.nodes.length);
  await expect(page.getByTestId('document-title')).toHaveText(doc.name);
  await expect(canvas.nodes).toHaveCount(doc.nodes.length);
  await expect(canvas.edges).toHaveCount(doc.edges.length);
  for (const server of doc.nodes.filter((n) => n.kind === 'prometheus')) {
    const load = estimate.servers[server.id]!;
    await expect(loadBadge(page, server.name, 'series')).toHaveText(`${formatCount(load.activeSeries)} series`);
    await expect(loadBadge(page, server.name, 'samples')).toHaveText(`${formatCount(load.samplesPerSecond)}/s`);
    await expect(loadBadge(page, server.name, 'memory')).toHaveText(`${formatBytes(load.memoryBytes)} head`);
    await expect(loadBadge(page, server.name, 'rss')).toHaveText(`${formatBytes(load.residentMemoryBytes)} RSS`);
  }
  await shot('designer-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.pt-app')).toHaveAttribute('data-theme', 'dark');
  await shot('designer-dark');
});

test('the theme chosen with the toolbar is kept across a reload', async ({ page, canvas }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await canvas.waitForNodes(2);
  await expect(page.locator('.pt-app')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: / }).click();
  await expect(page.locator('.pt-app')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await canvas.waitForNodes(2);
  await expect(page.locator('.pt-app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Theme: dark (click to toggle)' })).toBeVisible();
});

test('editing a scrape interval in the inspector updates the badges at once', async ({ page, canvas, inspector }) => {
  const doc = example('multi-dc');
  await page.goto('/');
  await canvas.waitForNodes(doc.nodes.length);
  const leaf = doc.nodes.find((n) => n.kind === 'prometheus' && n.role === 'leaf' && !n.ha)!;
  const before = await loadBadge(page, leaf.name, 'samples').textContent();
  await canvas.selectNode(leaf.name);
  const field = await inspector.field('Scrape interval');
  await field.fill('60s');
  await field.press('Enter');
  const edited: Topology = { ...doc, nodes: doc.nodes.map((n) => (n.id === leaf.id ? { ...n, scrapeInterval: '60s' } : n)) };
  const expected = estimateLoad(edited, builtinCatalogs).servers[leaf.id]!;
  await expect(loadBadge(page, leaf.name, 'samples')).toHaveText(`${formatCount(expected.samplesPerSecond)}/s`);
  expect(await loadBadge(page, leaf.name, 'samples').textContent()).not.toBe(before);
  await expect(page.getByTestId('inspector-load').locator('[data-metric="samples"]')).toHaveText(formatCount(expected.samplesPerSecond));
});

test.setTimeout(120_000);

test('draw a leaf and a global, federate, break and fix a selector, undo/redo, delete, auto-layout', async ({ page, canvas, palette, inspector, problems, shot }) => {
  await page.goto('/');
  await canvas.waitForNodes(2);
  // Start from an empty canvas: select all, delete.
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await shortcut(page, 'Control+a');
  await shortcut(page, 'Delete');
  await expect(canvas.nodes).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('An empty topology');

  await palette.dropOnCanvas('Leaf Prometheus', { x: 200, y: 250 });
  await palette.dropOnCanvas('Global Prometheus', { x: 600, y: 250 });
  await expect(canvas.node('leaf')).toBeVisible();
  await expect(canvas.node('global')).toBeVisible();
  const leafAt = await nodeCentre(page, 'leaf');
  const globalAt = await nodeCentre(page, 'global');
  expect(leafAt.x).toBeLessThan(globalAt.x);

  // A refused connection explains itself; the federation edge is accepted.
  await connectNodes(page, 'leaf', 'global');
  await expect(canvas.edges).toHaveCount(1);
  await expect(page.getByTestId('status-message')).toContainText('federation edge');

  // Select the edge through its label: the inspector edits its match[] list.
  const edge = page.locator('.react-flow__edge').first();
  const edgeId = (await edge.getAttribute('data-id'))!;
  await edgeLabel(page, edgeId).click();
  // The selector row hosts U1's Monaco selector editor (or the plain input): type as a user would.
  await setSelector(page, (await inspector.open()).getByTestId('match-row-0'), '{job=node}');
  await expect(page.getByTestId('live-error')).toBeVisible(); // flagged while typing, before commit
  await page.keyboard.press('Enter');
  const panel = await inspector.open();
  await expect(panel.locator('[data-code^="selector/"]').first()).toBeVisible();
  await expect(edgeLabel(page, edgeId)).toHaveClass(/has-error/);
  await shot('designer-inspector-broken-selector');
  await expect(await problems.items(/match\[\]/)).not.toHaveCount(0);

  await inspector.open();
  await edgeLabel(page, edgeId).click();
  await setSelector(page, (await inspector.open()).getByTestId('match-row-0'), '{__name__=~"job:.+"}');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('live-error')).toHaveCount(0);
  await expect(edgeLabel(page, edgeId)).not.toHaveClass(/has-error/);
  await expect(edgeLabel(page, edgeId)).toContainText('job:.+');

  // Undo the fix (the broken selector comes back), redo it.
  await shortcut(page, 'Control+z');
  await expect(edgeLabel(page, edgeId)).toHaveClass(/has-error/);
  await shortcut(page, 'Control+Shift+z');
  await expect(edgeLabel(page, edgeId)).not.toHaveClass(/has-error/);

  // Delete the leaf: its edge goes too; undo brings both back.
  await canvas.selectNode('leaf');
  await shortcut(page, 'Delete');
  await expect(canvas.node('leaf')).toHaveCount(0);
  await expect(canvas.edges).toHaveCount(0);
  await shortcut(page, 'Control+z');
  await expect(canvas.node('leaf')).toBeVisible();
  await expect(canvas.edges).toHaveCount(1);

  // Add a target group by click, connect it, auto-layout: targets -> leaf -> global, left to right.
  await palette.add('Target group');
  await expect(canvas.node('node-exporter')).toBeVisible();
  await connectNodes(page, 'node-exporter', 'leaf');
  await expect(canvas.edges).toHaveCount(2);
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect.poll(async () => {
    const [t, l, g] = [await nodeCentre(page, 'node-exporter'), await nodeCentre(page, 'leaf'), await nodeCentre(page, 'global')];
    return t.x < l.x && l.x < g.x;
  }).toBe(true);
  await shot('designer-drawn');
});

test('refused connections say why, and shortcuts never fire inside inputs', async ({ page, canvas, palette, inspector }) => {
  await page.goto('/');
  await canvas.waitForNodes(2);
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await shortcut(page, 'Control+a');
  await shortcut(page, 'Delete');
  await palette.add('Target group');
  await palette.add('Alertmanager');
  await expect(canvas.nodes).toHaveCount(2);
  await connectNodes(page, 'node-exporter', 'alertmanager');
  await expect(canvas.edges).toHaveCount(0);
  await expect(page.getByTestId('status-message')).toContainText('one end must be a Prometheus server');

  // Backspace in the name field edits the text; it does not delete the node.
  await canvas.selectNode('alertmanager');
  const name = await inspector.field('Name');
  await name.press('End');
  await name.press('Backspace');
  await expect(canvas.nodes).toHaveCount(2);
  await name.fill('am-main');
  await name.press('Enter');
  await expect(canvas.node('am-main')).toBeVisible();

  // A drag of many pointer moves is one undo step.
  const start = await nodeCentre(page, 'am-main');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 15, start.y + i * 8);
  await page.mouse.up();
  await expect.poll(async () => (await nodeCentre(page, 'am-main')).x).toBeGreaterThan(start.x + 100);
  await shortcut(page, 'Control+z');
  await expect.poll(async () => Math.round((await nodeCentre(page, 'am-main')).x)).toBe(Math.round(start.x));
  await expect(canvas.node('am-main')).toBeVisible(); // the rename before the drag was not undone

  await shortcut(page, '?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

/** 500 target groups, 500 leaves scraping one each, 25 globals federating 20 leaves each, AM, Grafana. */
function bigTopology(): Topology {
  const t = example('multi-dc');
  const nodes: Topology['nodes'] = [];
  const edges: Topology['edges'] = [];
  for (let i = 0; i < 500; i++) {
    const row = i % 50, col = Math.floor(i / 50);
    nodes.push({ id: `t${i}`, kind: 'targets', name: `nodes-${i}`, targets: [], count: 10, port: 9100, exporter: 'node_exporter', labels: {}, position: { x: col * 800, y: row * 130 } });
    nodes.push({
      id: `l${i}`, kind: 'prometheus', role: 'leaf', name: `leaf-${i}`, address: `leaf-${i}:9090`, externalLabels: { dc: `dc-${i}` },
      scrapeInterval: '15s', scrapeTimeout: '10s', evaluationInterval: '15s', retention: '15d', ruleGroups: [], position: { x: col * 800 + 300, y: row * 130 },
    });
    edges.push({ id: `s${i}`, kind: 'scrape', server: `l${i}`, targets: `t${i}` });
  }
  for (let g = 0; g < 25; g++) {
    nodes.push({
      id: `g${g}`, kind: 'prometheus', role: 'global', name: `global-${g}`, address: `global-${g}:9090`, externalLabels: {},
      scrapeInterval: '30s', scrapeTimeout: '10s', evaluationInterval: '30s', retention: '90d', ruleGroups: [], position: { x: 8200, y: g * 260 },
    });
    for (let k = 0; k < 20; k++) edges.push({ id: `f${g}-${k}`, kind: 'federation', server: `g${g}`, source: `l${g * 20 + k}`, match: ['{__name__=~"job:.+"}', 'up'], honorLabels: true });
  }
  return { ...t, name: 'Big: 1,027 nodes', nodes, edges };
}

test('1,000+ nodes: opens, renders and follows an edit', async ({ page, canvas, inspector }) => {
  const work = mkdtempSync(join(tmpdir(), 'promtopo-u2-big-'));
  try {
    const doc = bigTopology();
    const path = join(work, 'big.promtopo.json');
    writeFileSync(path, `${JSON.stringify(doc)}\n`);
    await page.goto('/');
    await canvas.waitForNodes(2);
    const file = new FilePage(page);
    const opened = Date.now();
    await file.open(path);
    await expect(page.getByTestId('document-title')).toHaveText(doc.name, { timeout: 30_000 });
    await expect(canvas.node('leaf-0')).toBeVisible({ timeout: 30_000 });
    const openMs = Date.now() - opened;
    // Fitted to the window, every node is on screen (React Flow renders only visible ones when zoomed in).
    const rendered = await canvas.nodes.count();

    await canvas.selectNode('leaf-0');
    const field = await inspector.field('Scrape interval');
    await field.fill('60s');
    const edited: Topology = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'l0' ? { ...n, scrapeInterval: '60s' } : n)) };
    const expected = estimateLoad(edited, builtinCatalogs).servers.l0!;
    await field.press('Enter');
    // Fitted to 1,027 nodes the cards are compact (level of detail): name and marker, no load badges.
    await expect(canvas.node('leaf-0')).toHaveClass(/\bcompact\b/);
    await expect(loadBadge(page, 'leaf-0', 'samples')).toHaveCount(0);
    await expect(page.getByTestId('edge-label-f0-0')).toHaveCount(0);
    // Revealed from the Load table, the canvas zooms in on it and the card shows the new load.
    await openSidebarTab(page, 'Load');
    await page.getByTitle('leaf-0: select on the canvas').click();
    await expect(loadBadge(page, 'leaf-0', 'samples')).toHaveText(`${formatCount(expected.samplesPerSecond)}/s`);
    await expect(canvas.node('leaf-0')).not.toHaveClass(/\bcompact\b/);
    console.log(`1,027 nodes / 1,025 edges: open + first render ${openMs} ms (${rendered} nodes in the DOM)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
