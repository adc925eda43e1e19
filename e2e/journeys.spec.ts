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

test('federation: two leaves with their targets and a global pulling job: rules and up{} through match[]', async ({ page, shot }) => {
  const j = new Journey(page);
  const file = join(work, 'federation.promtopo.json');
  await j.fileNew();
  await j.add('Leaf Prometheus', 'leaf-eu');
  await j.setField('Address', 'leaf-eu:9090');
  await j.interrupt();
  await j.add('Target group', 'node-eu');
  await j.interrupt();
  await j.connect('node-eu', 'leaf-eu');
  await j.interrupt();
  await j.add('Leaf Prometheus', 'leaf-us');
  await j.setField('Address', 'leaf-us:9090');
  await j.interrupt();
  await j.add('Target group', 'node-us');
  await j.interrupt();
  await j.connect('node-us', 'leaf-us');
  await j.interrupt();
  await j.add('Global Prometheus', 'global');
  await j.setField('Address', 'global:9090');
  await j.interrupt();
  await j.connect('leaf-eu', 'global');
  // The new edge is selected: its inspector shows the default selector; add a second one.
  await j.tab('Inspector');
  await expect(j.selectors).toHaveCount(1);
  await j.sidebar.getByRole('button', { name: '+ Add selector' }).click();
  await expect(j.selectors).toHaveCount(2);
  await setSelector(page, j.selectors.nth(1), 'up{job="node-eu"}');
  await page.keyboard.press('Enter');
  await j.interrupt();
  await j.connect('leaf-us', 'global');
  await j.interrupt();

  await j.saveAs(file);
  await expectSaved(file, (t) => {
    expect(t.nodes.map((n) => n.name).sort()).toEqual(['global', 'leaf-eu', 'leaf-us', 'node-eu', 'node-us']);
    const eu = edgeBetween(t, 'federation', 'global', 'leaf-eu');
    expect(eu && eu.kind === 'federation' && eu.match).toEqual(['{__name__=~"job:.+"}', 'up{job="node-eu"}']);
  });

  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await j.reopenFromRecent(file, 5);
  await j.interrupt();
  // After the reload: the second leaf's edge gets its own pair of selectors.
  await j.selectEdgeByLabel(/job:/, 1);
  await expect(j.selectors).toHaveCount(1);
  await j.sidebar.getByRole('button', { name: '+ Add selector' }).click();
  await setSelector(page, j.selectors.nth(1), 'up{job="node-us"}');
  // Tab leaves the one-line editor for the row's remove button, typing nothing.
  await page.keyboard.press('Tab');
  await expect(j.sidebar.getByRole('button', { name: 'Remove match[] selector 2' })).toBeFocused();
  await j.interrupt();
  await j.select('global');
  await j.setField('Scrape interval', '30s');
  await j.interrupt();
  await j.save();

  const saved = await expectSaved(file, (t) => {
    const eu = edgeBetween(t, 'federation', 'global', 'leaf-eu');
    const us = edgeBetween(t, 'federation', 'global', 'leaf-us');
    expect(eu && eu.kind === 'federation' && eu.match).toEqual(['{__name__=~"job:.+"}', 'up{job="node-eu"}']);
    expect(us && us.kind === 'federation' && us.match).toEqual(['{__name__=~"job:.+"}', 'up{job="node-us"}']);
    const g = byName(t, 'global');
    expect(g.kind === 'prometheus' && g.scrapeInterval).toBe('30s');
    expect(edgeBetween(t, 'scrape', 'leaf-eu', 'node-eu')).toBeDefined();
    expect(edgeBetween(t, 'scrape', 'leaf-us', 'node-us')).toBeDefined();
  });
  expect(saved.edges).toHaveLength(4);
  await j.lookAtCanvas(shot, 'federation');

  const out = join(work, 'bundle');
  await j.exportTo(out);
  const files = bundleFiles(out);
  const configs = files.filter((f) => f.endsWith('prometheus.yml'));
  expect(configs).toEqual(['prometheus/global/prometheus.yml', 'prometheus/leaf-eu/prometheus.yml', 'prometheus/leaf-us/prometheus.yml']);
  promtoolCheck(configs.map((f) => join(out, f)));
  const global = parseYaml(readFileSync(join(out, 'prometheus/global/prometheus.yml'), 'utf8')) as PromConfig;
  expect(global.global.scrape_interval).toBe('30s');
  const federate = global.scrape_configs.filter((c) => c.metrics_path === '/federate');
  expect(federate.map((c) => [c.static_configs.flatMap((s) => s.targets), c.params?.['match[]']])).toEqual([
    [['leaf-eu:9090'], ['{__name__=~"job:.+"}', 'up{job="node-eu"}']],
    [['leaf-us:9090'], ['{__name__=~"job:.+"}', 'up{job="node-us"}']],
  ]);
  const leafEu = parseYaml(readFileSync(join(out, 'prometheus/leaf-eu/prometheus.yml'), 'utf8')) as PromConfig;
  // The leaf scrapes its targets and itself (the self-scrape job), nothing of the other data centre.
  expect(leafEu.scrape_configs.map((c) => c.job_name)).toEqual(['node-eu', 'prometheus']);
  expect(leafEu.scrape_configs.find((c) => c.job_name === 'prometheus')?.static_configs.flatMap((s) => s.targets)).toEqual(['localhost:9090']);
});

test('functional sharding: a database server and an application server side by side in Grafana', async ({ page, shot }) => {
  const j = new Journey(page);
  const file = join(work, 'sharding.promtopo.json');
  await j.fileNew();
  await j.add('Shard Prometheus', 'prom-db');
  await j.setField('Address', 'prom-db:9090');
  await j.interrupt();
  await j.add('Target group', 'mysql');
  await j.interrupt();
  await j.connect('mysql', 'prom-db');
  await j.interrupt();
  await j.add('Shard Prometheus', 'prom-app');
  await j.setField('Address', 'prom-app:9090');
  await j.interrupt();
  await j.add('Target group', 'app');
  await j.interrupt();
  await j.connect('app', 'prom-app');
  await j.interrupt();
  await j.saveAs(file);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await j.reopenFromRecent(file, 4);
  await j.interrupt();
  await j.add('Grafana', 'grafana');
  await j.setField('Address', 'grafana:3000');
  await j.interrupt();
  await j.connect('prom-db', 'grafana');
  await j.interrupt();
  await j.connect('prom-app', 'grafana');
  // The new data-source edge is selected: make the application server Grafana's default.
  await j.tab('Inspector');
  await j.field('Default data source').check();
  await j.interrupt();
  await j.select('app');
  await j.setField('Targets (host:port, one per line)', 'app-1:8080\napp-2:8080');
  await j.interrupt();
  await j.save();

  await expectSaved(file, (t) => {
    expect(t.nodes.map((n) => n.name).sort()).toEqual(['app', 'grafana', 'mysql', 'prom-app', 'prom-db']);
    const app = byName(t, 'app');
    expect(app.kind === 'targets' && app.targets).toEqual(['app-1:8080', 'app-2:8080']);
    const dsApp = edgeBetween(t, 'datasource', 'grafana', 'prom-app');
    const dsDb = edgeBetween(t, 'datasource', 'grafana', 'prom-db');
    expect(dsApp && dsApp.kind === 'datasource' && dsApp.isDefault).toBe(true);
    expect(dsDb && dsDb.kind === 'datasource' && dsDb.isDefault).toBe(false);
    expect(t.edges.filter((e) => e.kind === 'federation')).toEqual([]);
  });
  await j.lookAtCanvas(shot, 'functional-sharding');

  const out = join(work, 'bundle');
  await j.exportTo(out);
  const files = bundleFiles(out);
  const configs = files.filter((f) => f.endsWith('prometheus.yml'));
  expect(configs).toEqual(['prometheus/prom-app/prometheus.yml', 'prometheus/prom-db/prometheus.yml']);
  promtoolCheck(configs.map((f) => join(out, f)));
  const app = readFileSync(join(out, 'prometheus/prom-app/prometheus.yml'), 'utf8');
  expect(app).toContain("'app-1:8080'");
  expect(app).not.toContain('mysql');
  expect(readFileSync(join(out, 'prometheus/prom-db/prometheus.yml'), 'utf8')).not.toContain("job_name: app");
  const ds = readFileSync(join(out, 'grafana/provisioning/datasources/grafana.yaml'), 'utf8');
  const sources = (parseYaml(ds) as { datasources: { name: string; url: string; isDefault: boolean }[] }).datasources;
  expect(sources.map((d) => [d.name, d.url, d.isDefault])).toEqual([
    ['prom-app', 'http://prom-app:9090', true],
    ['prom-db', 'http://prom-db:9090', false],
  ]);
});

test('HA by duplication: a replica pair with its replica label, alerting one Alertmanager', async ({ page, shot }) => {
  const j = new Journey(page);
  const file = join(work, 'ha.promtopo.json');
  await j.fileNew();
  await j.add('Leaf Prometheus', 'prom-ha');
  await j.setField('Address', 'prom-ha:9090');
  await j.interrupt();
  await j.select('prom-ha');
  await j.field('Run as an HA group (identical replicas)').check();
  await expect(j.field('Replicas')).toHaveValue('2');
  await j.interrupt();
  await j.select('prom-ha');
  await j.setField('Replica label', 'prom_replica');
  await j.interrupt();
  await j.add('Target group', 'node');
  await j.interrupt();
  await j.connect('node', 'prom-ha');
  await j.interrupt();
  await j.saveAs(file);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await j.reopenFromRecent(file, 2);
  await j.interrupt();
  await j.add('Alertmanager', 'am');
  await j.setField('Address 1', 'am:9093');
  await j.interrupt();
  await j.connect('prom-ha', 'am');
  await j.interrupt();
  await j.save();

  await expectSaved(file, (t) => {
    const ha = byName(t, 'prom-ha');
    expect(ha.kind === 'prometheus' && ha.ha).toEqual({ replicas: 2, replicaLabel: 'prom_replica', dropReplicaLabelOnAlerts: true });
    expect(edgeBetween(t, 'alert', 'prom-ha', 'am')).toBeDefined();
    expect(edgeBetween(t, 'scrape', 'prom-ha', 'node')).toBeDefined();
  });
  await j.lookAtCanvas(shot, 'ha');

  const out = join(work, 'bundle');
  await j.exportTo(out);
  const files = bundleFiles(out);
  const configs = files.filter((f) => f.endsWith('prometheus.yml'));
  expect(configs).toEqual(['prometheus/prom-ha-a/prometheus.yml', 'prometheus/prom-ha-b/prometheus.yml']);
  promtoolCheck(configs.map((f) => join(out, f)));
  const [a, b] = configs.map((f) => parseYaml(readFileSync(join(out, f), 'utf8')) as PromConfig);
  expect(a!.global.external_labels.prom_replica).toBe('a');
  expect(b!.global.external_labels.prom_replica).toBe('b');
  for (const c of [a!, b!]) {
    expect(c.alerting.alert_relabel_configs).toEqual([{ action: 'labeldrop', regex: 'prom_replica' }]);
    expect(c.alerting.alertmanagers).toEqual([{ static_configs: [{ targets: ['am:9093'] }] }]);
  }
  // Apart from the replica label the two replicas are configured the same.
  expect({ ...a!, global: { ...a!.global, external_labels: {} } }).toEqual({ ...b!, global: { ...b!.global, external_labels: {} } });
  expect(files).toContain('alertmanager/am/alertmanager.yml');
});

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
