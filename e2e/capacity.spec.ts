// Capacity in machine terms and the failure what-if, driven from visible controls: price a machine
// size in the document inspector, pick it for a server in its inspector, mark a data centre down in the Load panel, see the cards, the Machines table
// and the impact list follow, undo the mark in one step, mark it again, save, and read the file.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCount } from '../app/panels/format.ts';
import { serverCapacity } from '../src/capacity/serverCapacity.ts';
import { parseCatalog } from '../src/estimate/catalog.ts';
import { estimateLoad } from '../src/estimate/estimateLoad.ts';
import { parseTopology } from '../src/model/document.ts';
import type { Topology } from '../src/model/types.ts';
import { failureImpact } from '../src/whatif/failureImpact.ts';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';
import { openSidebarTab } from './support/pages/sidebar.ts';

const EXAMPLE = join('assets', 'examples', 'multi-dc.promtopo.json');

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-capacity-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function builtinCatalogs() {
  const dir = join('assets', 'catalogs');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => parseCatalog(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

function read(path: string): Topology {
  const parsed = parseTopology(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(`${path} does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

test('pick a machine size, mark a data centre down, undo, save: UI and file agree', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
  const copy = join(work, 'multi-dc.promtopo.json');
  copyFileSync(EXAMPLE, copy);
  await file.open(copy);
  const t = read(EXAMPLE);
  const estimate = estimateLoad(t, builtinCatalogs());
  const id = t.nodes.find((n) => n.name === 'prom-eu-1')?.id ?? '';
  const needed = serverCapacity(t, estimate)[id]?.needed?.name ?? '';
  expect(needed).not.toBe('');

  // Before any choice the card says which size the server needs.
  const card = canvas.node('prom-eu-1');
  await expect(card.getByTestId('machine-badges')).toHaveText(`needs ${needed}`);

  // With nothing selected, the document inspector edits the sizes: a price on large-8x32.
  const inspectorTab = await openSidebarTab(page, 'Inspector');
  const large = inspectorTab.getByRole('group', { name: 'Machine size large-8x32' });
  await large.getByLabel('Price per month').fill('120');
  await large.getByLabel('Price per month').press('Enter');
  await expect(large.getByLabel('Price per month')).toHaveValue('120');

  // The inspector's Machine size: the needed size is named in the "Not set" choice; pick a larger one.
  await canvas.selectNode('prom-eu-1');
  const sizeField = page.getByLabel('Machine size');
  await expect(sizeField.locator('option').first()).toHaveText(`Not set (needs ${needed})`);
  await sizeField.selectOption('large-8x32');
  await expect(card.locator('[data-metric="machine"]')).toHaveText('large-8x32');
  await expect(page.getByTestId('inspector-machine')).toContainText(`Needs ${needed}:`);

  // Load panel: the Machines table shows the chosen size; mark eu-west down.
  const load = await openSidebarTab(page, 'Load');
  const row = load.getByTestId('load-machines').locator('tr[data-machine-server="prom-eu-1"]');
  await expect(row.locator('td[data-column="needed"]')).toHaveText(needed);
  // Two HA replicas on large-8x32 at 120 a month each.
  await expect(row.locator('td[data-column="chosen"]')).toHaveText('large-8x32 · 240/month');
  const dcDown = load.getByLabel('Data centre eu-west down');
  await dcDown.check();
  const impact = failureImpact(t, estimate, ['dc=eu-west']);
  const summary = load.getByTestId('whatif-summary');
  await expect(summary).toContainText(`Down: dc=eu-west. ${formatCount(impact.seriesLost)} series lost`);
  const items = load.getByTestId('whatif-impact').locator('li');
  await expect(items.filter({ hasText: 'Targets node-eu: no longer scraped' })).toHaveCount(1);
  await expect(items.filter({ hasText: /^Dashboards of grafana on prom-eu-1: queried instance a is down/ })).toHaveCount(1);
  await expect(load.locator('li[data-kind="server"]')).toHaveCount(impact.servers.length);
  await expect(card.locator('[data-metric="down"]')).toHaveText('down');
  await expect(canvas.node('prom-us-1').locator('[data-metric="down"]')).toHaveCount(0);
  await shot('capacity-whatif');

  // One undo step takes the mark back, and only the mark.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(dcDown).not.toBeChecked();
  await expect(load.getByTestId('whatif-impact')).toHaveCount(0);
  await expect(card.locator('[data-metric="machine"]')).toHaveText('large-8x32');
  await dcDown.check();

  const saved = join(work, 'sized');
  await file.saveAs(saved);
  await expect(page.getByRole('status').filter({ hasText: `Saved ${saved}.promtopo.json` })).toBeVisible();
  const back = read(`${saved}.promtopo.json`);
  const server = back.nodes.find((n) => n.name === 'prom-eu-1');
  expect(server?.kind === 'prometheus' && server.machine).toBe('large-8x32');
  expect(back.settings.whatIf).toEqual({ down: ['dc=eu-west'] });
  expect(back.settings.machines?.sizes?.find((x) => x.name === 'large-8x32')).toEqual({ name: 'large-8x32', vcpu: 8, ramGiB: 32, diskGiB: 500, pricePerMonth: 120 });
  expect(back.nodes.filter((n) => n.kind === 'prometheus' && n.machine !== undefined).map((n) => n.name)).toEqual(['prom-eu-1']);
});
