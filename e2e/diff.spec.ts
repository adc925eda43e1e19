// File > Compare with File…: the open design (the built-in multi-dc example) against an earlier
// version of it on disk. The panel names what differs field by field, with the load change; an entry
// reveals its node on the canvas; an edit to the design updates the comparison; a file that is not a
// topology is refused with its diagnostics.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-compare-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

type Loose = Record<string, unknown> & { id: string; name: string };

/** The multi-dc example as an "earlier version": prom-us-1 kept 30 days, and node-us did not exist yet. */
function earlierVersion(): string {
  const doc = JSON.parse(readFileSync(join('assets', 'examples', 'multi-dc.promtopo.json'), 'utf8')) as { nodes: Loose[]; edges: Loose[] };
  const nodes = doc.nodes
    .filter((n) => n.name !== 'node-us')
    .map((n) => (n.name === 'prom-us-1' ? { ...n, retention: '30d' } : n));
  const edges = doc.edges.filter((e) => e.targets !== 't-node-us');
  const path = join(work, 'earlier.promtopo.json');
  writeFileSync(path, JSON.stringify({ ...doc, nodes, edges }, null, 2));
  return path;
}

async function compareWith(page: Page, path: string): Promise<void> {
  const file = new FilePage(page);
  await file.menu('Compare with File…');
  const dialog = file.dialog('Compare with file');
  await dialog.getByLabel(/Path of a/).fill(path);
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('compare with an earlier version: fields in words, the load change, click reveals the node', async ({ page, shot }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
  await compareWith(page, earlierVersion());

  const panel = page.getByTestId('compare-panel');
  await expect(page.getByRole('tab', { name: 'Compare', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toContainText('earlier.promtopo.json (before) → this design (after)');
  await expect(page.getByTestId('compare-summary')).toHaveText('2 added, 0 removed, 1 changed');
  const changes = panel.getByRole('list', { name: 'Changes' });
  await expect(changes.getByRole('button')).toHaveText(['~leaf "prom-us-1"', '+target group "node-us" added', '+scrape edge prom-us-1 -> node-us added']);
  await expect(changes).toContainText('retention: 30d -> 15d');
  // node-us adds its hosts' series to prom-us-1 (and what the global federates from it).
  const load = page.getByTestId('compare-load');
  await expect(load.getByRole('rowheader', { name: 'prom-us-1' })).toBeVisible();
  await expect(load.getByRole('row', { name: /prom-us-1/ })).toContainText('→');
  // The machine size each needs (the presets, unpriced): a few hosts keep it on the smallest.
  await expect(load.getByRole('row', { name: /prom-us-1/ }).getByTestId('compare-machine')).toHaveText('small-2x8');
  await expect(load.getByRole('row', { name: /prom-us-1/ }).getByTestId('compare-price')).toHaveText('-');
  await shot('compare-panel');

  await changes.getByRole('button', { name: /target group "node-us"/ }).click();
  await expect(page.locator('.react-flow__node[data-id="t-node-us"]')).toHaveClass(/selected/);

  // The comparison follows the design: deleting node-us (with its edge) leaves only the retention.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('compare-summary')).toHaveText('0 added, 0 removed, 1 changed');
  await expect(changes.getByRole('button')).toHaveText(['~leaf "prom-us-1"']);
});

test('a file that is not a topology is refused with its diagnostics, and the panel stays empty', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
  const path = join(work, 'not-a-topology.json');
  writeFileSync(path, '{"format": "something-else"}');
  await compareWith(page, path);
  const problems = page.getByRole('dialog', { name: /Cannot compare with not-a-topology\.json/ });
  await expect(problems).toContainText('"format" must be "promtopo"');
  await problems.getByRole('button', { name: /Close|OK/ }).first().click();
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-empty')).toBeVisible();
});
