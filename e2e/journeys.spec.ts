// The three basic-scaling designs built as people build them: from File > New, with the palette, the
// canvas handles and the inspector's labelled fields, and between every step a click on the empty
// canvas, a round of the sidebar tabs and a few shortcuts. Saved once, reloaded, finished, saved
// again: the file on disk and the exported bundle (checked by the real promtool) must hold every step.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Topology } from '../src/model/types.ts';
import { expect, test } from './support/fixtures.ts';
import { Journey, bundleFiles, expectSaved, promtoolCheck } from './support/journey.ts';
import { setSelector } from './support/canvasActions.ts';

test.setTimeout(240_000);

/** The parts of a generated prometheus.yml the journeys read. */
interface PromConfig {
  global: { scrape_interval: string; external_labels: Record<string, string> };
  alerting: { alert_relabel_configs: unknown[]; alertmanagers: unknown[] };
  scrape_configs: { job_name: string; metrics_path?: string; params?: { 'match[]'?: string[] }; static_configs: { targets: string[] }[] }[];
}

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-journey-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const byName = (t: Topology, name: string) => {
  const n = t.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name} in ${t.nodes.map((x) => x.name).join(', ')}`);
  return n;
};

function edgeBetween(t: Topology, kind: string, a: string, b: string) {
  const ia = byName(t, a).id;
  const ib = byName(t, b).id;
  return t.edges.find((e) => e.kind === kind && Object.values(e).includes(ia) && Object.values(e).includes(ib));
}

test('keyboard only: add, connect, edit and delete without the mouse', async ({ page }) => {
  const j = new Journey(page);
  const file = join(work, 'keyboard.promtopo.json');
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const palette = page.getByRole('navigation', { name: 'Palette' });

  // Add: Tab to the palette item, Enter; the new node is selected and its inspector open.
  await j.tabTo(palette.getByRole('button', { name: 'Leaf Prometheus', exact: true }));
  await page.keyboard.press('Enter');
  await j.tabTo(j.field('Name'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('prom-kb');
  await page.keyboard.press('Enter');
  await expect(j.node('prom-kb')).toBeVisible();
  await j.tabTo(j.field('Address'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('prom-kb:9090');
  await page.keyboard.press('Enter');

  await j.tabTo(palette.getByRole('button', { name: 'Target group', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await j.tabTo(j.field('Name (job_name)'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('node');
  await page.keyboard.press('Enter');

  // Connect: the target group's "Connect to" list, then the Connect button.
  const connectTo = j.field('Connect to');
  await j.tabTo(connectTo);
  await page.keyboard.press('ArrowDown');
  await expect(connectTo.locator('option:checked')).toHaveText('prom-kb (scrape)');
  await page.keyboard.press('Tab');
  await expect(j.sidebar.getByRole('button', { name: 'Connect', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(j.sidebar.getByRole('heading', { level: 2 })).toContainText(/scrape/i);

  // Edit: reach the server's card on the canvas, select it with Enter, change its interval.
  await j.tabTo(page.locator('.react-flow__node').filter({ has: page.getByText('prom-kb', { exact: true }) }));
  await page.keyboard.press('Enter');
  await expect(j.sidebar.getByRole('heading', { level: 2 })).toContainText('prom-kb');
  await j.tabTo(j.field('Scrape interval'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('30s');
  await page.keyboard.press('Enter');

  // Delete: add an Alertmanager, then delete it (and only it) with the Delete key.
  await j.tabTo(palette.getByRole('button', { name: 'Alertmanager', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await page.keyboard.press('ControlOrMeta+Shift+s');
  const dialog = page.getByRole('dialog', { name: 'Save topology as' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/File path/)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(file);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expectSaved(file, (t) => {
    expect(t.nodes.map((n) => n.name).sort()).toEqual(['node', 'prom-kb']);
    const server = byName(t, 'prom-kb');
    expect(server.kind === 'prometheus' && server.scrapeInterval).toBe('30s');
    expect(edgeBetween(t, 'scrape', 'prom-kb', 'node')).toBeDefined();
    expect(t.edges).toHaveLength(1);
  });
});
