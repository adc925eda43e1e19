// The Plan commands from the canvas, on the built-in multi-dc example: split a server by job, make a
// leaf HA from the inspector, add a global over two selected leaves, preview a shard change; clicking
// away between steps; then save and read the saved document. Each apply is one undo step.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseTopology } from '../src/model/document.ts';
import type { PrometheusNode, Topology } from '../src/model/types.ts';
import { FilePage } from './support/panels.ts';
import { expect, test } from './support/fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'promtopo-e2e-plan-'));
const example = parseTopology(readFileSync(join(import.meta.dirname, '../assets/examples/multi-dc.promtopo.json'), 'utf8'));
const exampleNodes = example.ok ? example.topology.nodes.length : 0;

async function clickAway(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
}

function server(t: Topology, name: string): PrometheusNode | undefined {
  return t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.name === name);
}

test('split, make HA and add a global from the canvas, then save', async ({ page, canvas, shot }) => {
  await page.goto('/');
  await canvas.waitForNodes(exampleNodes);
  const dialog = page.getByTestId('plan-dialog');

  // Split prom-eu-app by job from the toolbar: the preview shows the parts and the load before/after.
  await canvas.selectNode('prom-eu-app');
  await page.getByTestId('tool-plan.split').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('plan-summary')).toContainText('prom-eu-app-1');
  await expect(dialog.getByTestId('plan-summary')).toContainText('prom-eu-app-2');
  const load = dialog.getByTestId('plan-load');
  await expect(load.locator('tr[data-server="prom-eu-app-2"]')).toBeVisible();
  await expect(load.locator('tr[data-server="prom-eu-app-1"] th')).toHaveText('prom-eu-app → prom-eu-app-1');
  await shot('plan-split-preview');
  await dialog.getByTestId('plan-apply').click();
  await expect(dialog).toBeHidden();
  await expect(canvas.node('prom-eu-app-1')).toBeVisible();
  await expect(canvas.node('prom-eu-app-2')).toBeVisible();
  await clickAway(page);

  // Make prom-us-1 HA from the inspector.
  await canvas.selectNode('prom-us-1');
  await page.getByTestId('inspector-plan-ha').click();
  await expect(dialog.getByTestId('plan-summary')).toContainText('2 replicas');
  await expect(dialog.getByTestId('plan-load').locator('tr[data-server="prom-us-1"]')).toBeVisible();
  await dialog.getByTestId('plan-apply').click();
  await expect(dialog).toBeHidden();
  await clickAway(page);

  // Add a global over prom-us-1 and prom-eu-db (multi-select), with the picked series.
  await canvas.selectNode('prom-us-1');
  await canvas.node('prom-eu-db').click({ modifiers: ['ControlOrMeta'] });
  await page.getByTestId('tool-plan.global').click();
  await dialog.getByTestId('plan-series').fill('node_load1, up');
  await expect(dialog.getByTestId('plan-summary')).toContainText('job:node_load1:sum, job:up:sum');
  const before = Number(await dialog.getByTestId('plan-series-before').getAttribute('data-value'));
  const after = Number(await dialog.getByTestId('plan-series-after').getAttribute('data-value'));
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  await dialog.getByTestId('plan-apply').click();
  await expect(dialog).toBeHidden();
  await expect(canvas.node('global')).toBeVisible();
  await clickAway(page);

  // A shard count change on prom-eu-app-1 previews which targets move; Cancel changes nothing.
  await canvas.selectNode('prom-eu-app-1');
  await page.getByTestId('inspector-plan-reshard').click();
  await dialog.getByTestId('plan-shards').fill('3');
  await expect(dialog.getByTestId('plan-moved')).toContainText(/1 → 3 shards moves \d+ of \d+ targets/);
  await expect(dialog.getByTestId('plan-summary')).toContainText('history stays on the shard');
  await shot('plan-reshard-preview');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await clickAway(page);

  const path = join(work, 'planned.promtopo.json');
  await new FilePage(page).saveAs(path);
  await expect(page.getByTestId('status-message')).toContainText('Saved');
  const saved = parseTopology(readFileSync(path, 'utf8'));
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  const t = saved.topology;
  expect(server(t, 'prom-eu-app')).toBeUndefined();
  const parts = ['prom-eu-app-1', 'prom-eu-app-2'].map((n) => server(t, n));
  expect(parts.every((p) => p !== undefined)).toBe(true);
  const scrapedBy = (id: string | undefined) => t.edges.filter((e) => e.kind === 'scrape' && e.server === id).length;
  expect(parts.map((p) => scrapedBy(p?.id))).toEqual([1, 1]);
  expect(server(t, 'prom-us-1')?.ha).toEqual({ replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true });
  expect(server(t, 'prom-eu-app-1')?.hashmod).toBeUndefined();
  const global = server(t, 'global');
  expect(global?.role).toBe('global');
  const pulled = t.edges.filter((e) => e.kind === 'federation' && e.server === global?.id);
  expect(pulled.map((e) => (e.kind === 'federation' ? [t.nodes.find((n) => n.id === e.source)?.name, e.match] : [])).sort()).toEqual([
    ['prom-eu-db', ['job:node_load1:sum', 'job:up:sum']],
    ['prom-us-1', ['job:node_load1:sum', 'job:up:sum']],
  ]);
  const records = (s: PrometheusNode | undefined) => (s?.ruleGroups ?? []).flatMap((g) => g.rules.map((r) => ('record' in r ? r.record : '')));
  expect(records(server(t, 'prom-us-1'))).toContain('job:node_load1:sum');

  // One undo step takes the global (and its rules) away again.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(canvas.node('global')).toHaveCount(0);
  await expect(canvas.node('prom-eu-app-2')).toBeVisible();
});
