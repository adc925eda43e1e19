// The panels as a user drives them in browser mode: problems, export, documents (save / reopen,
// unsaved changes, a broken file), load and import. Every test runs offline (the fixture blocks and
// asserts non-local requests) and writes only into its own temp folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatCount, formatExact } from '../app/panels/format.ts';
import { parseCatalog } from '../src/estimate/catalog.ts';
import { estimateLoad } from '../src/estimate/estimateLoad.ts';
import { parseTopology } from '../src/model/document.ts';
import type { Topology } from '../src/model/types.ts';
import { expect, test } from './support/fixtures.ts';
import { ExportPanelPage, FilePage, LoadPanelPage, problemCounts } from './support/panels.ts';

const EXAMPLE = join('assets', 'examples', 'federation.promtopo.json');
const TESTDATA = join('..', 'shared', 'testdata');

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-panels-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The built-in catalogs, read as the app bundles them (assets/catalogs/*.json). */
function builtinCatalogs() {
  const dir = join('assets', 'catalogs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => parseCatalog(JSON.parse(readFileSync(join(dir, f), 'utf8'))))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function example(): Topology {
  const parsed = parseTopology(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  if (!parsed.ok) throw new Error(`${EXAMPLE} does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

/** The federation example with match[] #2 of edge e7 (prom-global <- prom-eu-1) broken. */
function brokenSelectorTopology(): Topology {
  const t = example();
  return {
    ...t,
    edges: t.edges.map((e) => (e.id === 'e7' && e.kind === 'federation' ? { ...e, match: [e.match[0] ?? 'up', 'node_load1{'] } : e)),
  };
}

function writeDocument(name: string, t: Topology): string {
  const path = join(work, name);
  writeFileSync(path, `${JSON.stringify(t, null, 2)}\n`);
  return path;
}

async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
}

test('the problems panel lists a broken selector; clicking it selects and centres the edge', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await start(page);
  await file.open(writeDocument('broken.promtopo.json', brokenSelectorTopology()));
  await expect(canvas.node('prom-global')).toBeVisible();

  await expect(problemCounts(page).locator('[data-severity="error"]')).toHaveText(/[1-9]/);
  await problemCounts(page).click();
  const panel = page.getByRole('complementary', { name: 'Side panels' }).getByRole('tabpanel');
  const item = panel.locator('li[data-code="selector/syntax"]');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('match[] #2');
  await expect(item).toContainText('selector/syntax');
  await expect(item.locator('[data-target-kind="edge"]')).toHaveAttribute('data-target-id', 'e7');
  await item.getByRole('button').click();
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveClass(/selected/);
  await shot('panels-problems-light');
});

test('export writes the bundle to a folder, promtool accepts it; an error blocks the export', async ({ page, shot }) => {
  const file = new FilePage(page);
  const exporter = new ExportPanelPage(page);
  await start(page);
  await file.newFromTemplate(/Federation/);
  const out = join(work, 'bundle');
  const result = await exporter.exportTo(out);
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result.getByTestId('promtool-verdict')).toHaveAttribute('data-status', 'ok');
  const listed = await result.getByTestId('export-files').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-path') ?? ''));
  expect(listed.length).toBeGreaterThan(3);
  for (const path of listed) expect(existsSync(join(out, path)), path).toBe(true);
  const configs = listed.filter((p) => /(^|\/)prometheus[\w.-]*\.ya?ml$/.test(p) && !p.includes('grafana'));
  expect(configs.length).toBeGreaterThanOrEqual(4);
  for (const config of configs) {
    // Our own check, independent of the host's verdict (throws on a non-zero exit).
    const output = execFileSync('promtool', ['check', 'config', '--syntax-only', join(out, config)], { encoding: 'utf8' });
    expect(output).toContain('SUCCESS');
  }
  await expect(result.getByTestId('promtool-results').locator('li[data-ok="false"]')).toHaveCount(0);
  await shot('panels-export-result-light');

  // A topology with an error: the export is refused before anything is written.
  await file.open(writeDocument('broken.promtopo.json', brokenSelectorTopology()));
  const panel = await exporter.open();
  const blocked = panel.getByTestId('export-blocked');
  await expect(blocked).toContainText(/blocks? the export/);
  await expect(blocked).toContainText('match[] #2');
  await panel.getByLabel('Output folder').fill(join(work, 'refused'));
  await expect(panel.getByRole('button', { name: 'Export bundle' })).toBeDisabled();
  await blocked.getByRole('button', { name: 'Select the edge' }).click();
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveClass(/selected/);
  expect(existsSync(join(work, 'refused'))).toBe(false);
  await shot('panels-export-blocked-light');
});

test('the deployment target is chosen in the Export panel, kept in the document (one undo step) and exported', async ({ page, shot }) => {
  const file = new FilePage(page);
  const exporter = new ExportPanelPage(page);
  await start(page);
  await file.newFromTemplate(/Federation/);
  const panel = await exporter.open();
  const target = panel.getByLabel('Deployment target');
  await expect(target).toHaveValue('files');
  await target.selectOption('kubernetes');
  await expect(panel.getByTestId('export-target-description')).toContainText('kustomization.yaml');
  const out = join(work, 'k8s');
  const result = await exporter.exportTo(out);
  await expect(result).toHaveAttribute('data-ok', 'true');
  expect(existsSync(join(out, 'kustomization.yaml'))).toBe(true);
  expect(readdirSync(join(out, 'manifests', 'prometheus')).length).toBeGreaterThan(0);
  expect(JSON.parse(readFileSync(join(out, 'topology.promtopo.json'), 'utf8')).settings.export.target).toBe('kubernetes');
  await shot('panels-export-target-kubernetes-light');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(target).toHaveValue('files');
});

test('the host refuses to overwrite a folder that is not a bundle and says so', async ({ page }) => {
  const file = new FilePage(page);
  const exporter = new ExportPanelPage(page);
  await start(page);
  await file.newFromTemplate(/Federation/);
  const foreign = join(work, 'not-a-bundle');
  execFileSync('mkdir', ['-p', foreign]);
  writeFileSync(join(foreign, 'notes.txt'), 'mine\n');
  const result = await exporter.exportTo(foreign);
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result.getByTestId('export-error')).toContainText('Nothing was written');
  expect(readdirSync(foreign)).toEqual(['notes.txt']);
});

test('save, reload, reopen from the recent files: the same topology; dirty state in the title', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await start(page);
  await file.newFromTemplate(/Federation/);
  await expect(page).toHaveTitle(/^Federation.* — PromTopo$/);
  const path = join(work, 'saved');
  await file.saveAs(path);
  const savedPath = `${path}.promtopo.json`;
  await expect(page).toHaveTitle('saved.promtopo.json — PromTopo');
  const saved = parseTopology(readFileSync(savedPath, 'utf8'), savedPath);
  expect(saved.ok).toBe(true);
  expect(saved.ok && saved.topology).toEqual(example());

  // An edit makes the document dirty; New asks before discarding it, Cancel keeps it.
  await canvas.node('prom-global').click();
  await page.keyboard.press('Delete');
  await expect(page).toHaveTitle('● saved.promtopo.json — PromTopo');
  await file.menu('New');
  const confirm = page.getByTestId('confirm-discard-dialog');
  await expect(confirm).toContainText('unsaved changes');
  await shot('panels-confirm-light');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(canvas.node('prom-global')).toHaveCount(0);
  await expect(page).toHaveTitle(/^● /);

  await page.reload();
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
  await file.menu('Open…');
  const dialog = file.dialog('Open topology');
  // Other specs share the settings folder: pick the entry by its full path, as its tooltip shows it.
  await dialog.getByTestId('recent-files').locator(`button[title="${savedPath}"]`).click();
  await expect(page).toHaveTitle('saved.promtopo.json — PromTopo');
  await expect(canvas.node('prom-global')).toBeVisible();
  await expect(canvas.nodes).toHaveCount(example().nodes.length);

  // Ctrl+S writes the same bytes back.
  const before = readFileSync(savedPath, 'utf8');
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('status-message')).toContainText('Saved');
  expect(readFileSync(savedPath, 'utf8')).toBe(before);
});

test('a file that fails the schema opens nothing and shows file and field', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await start(page);
  const countBefore = await canvas.nodes.count();
  const bad = join(work, 'bad.promtopo.json');
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: { kind: string; role?: string }[] };
  const server = doc.nodes.find((n) => n.kind === 'prometheus');
  if (server) server.role = 'boss';
  writeFileSync(bad, JSON.stringify(doc));
  await file.open(bad);
  const dialog = file.problemsDialog;
  await expect(dialog.getByRole('heading')).toHaveText('Cannot open bad.promtopo.json');
  await expect(dialog.locator('li[data-code="schema/invalid"]').first()).toContainText(/nodes\[\d+\]\.role/);
  await expect(dialog).toContainText('bad.promtopo.json');
  await shot('panels-file-problems-light');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(canvas.nodes).toHaveCount(countBefore);

  await file.open(join(work, 'missing.promtopo.json'));
  await expect(file.problemsDialog).toContainText('missing.promtopo.json');
});

test('the load panel shows the estimator\'s numbers, names the bottleneck and follows an interval edit', async ({ page, canvas, inspector, shot }) => {
  const file = new FilePage(page);
  const load = new LoadPanelPage(page);
  await start(page);
  await file.newFromTemplate(/Federation/);
  const estimate = estimateLoad(example(), builtinCatalogs());
  const global = Object.values(estimate.servers).find((s) => s.name === 'prom-global');
  expect(global).toBeDefined();
  if (!global) return;
  await expect(await load.cell('prom-global', 'activeSeries')).toHaveText(formatCount(global.activeSeries));
  await expect(await load.cell('prom-global', 'samplesPerSecond')).toHaveText(formatCount(global.samplesPerSecond));
  await expect(await load.cell('prom-global', 'activeSeries')).toHaveAttribute('title', `${formatExact(global.activeSeries)} series`);
  const panel = await load.open();
  const bottleneck = panel.getByTestId('load-bottleneck');
  await expect(bottleneck).toContainText(/will run out of|is over its|Plenty of headroom/);
  const highest = Math.max(...Object.values(estimate.servers).map((s) => s.utilisation ?? 0));
  const busiest = Object.values(estimate.servers).filter((s) => s.utilisation === highest).map((s) => s.name);
  expect(busiest).toContain((await bottleneck.textContent())?.match(/(prom-[a-z0-9-]+)/)?.[1]);
  // Sorting by name puts the servers in alphabetical order.
  const table = panel.getByTestId('load-table');
  await table.getByRole('columnheader', { name: /Server/ }).getByRole('button').click();
  const names = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-server-name')));
  expect(names).toEqual([...names].sort());
  await shot('panels-load-light');

  // What-if: prom-eu-1 scrapes every 30s instead of 15s; the table follows at once.
  const edited = example();
  const slower: Topology = { ...edited, nodes: edited.nodes.map((n) => (n.id === 'p-eu' && n.kind === 'prometheus' ? { ...n, scrapeInterval: '30s' } : n)) };
  const before = estimateLoad(edited, builtinCatalogs()).servers['p-eu'];
  const after = estimateLoad(slower, builtinCatalogs()).servers['p-eu'];
  expect(before && after && after.samplesPerSecond < before.samplesPerSecond).toBe(true);
  if (!before || !after) return;
  await expect(await load.cell('prom-eu-1', 'samplesPerSecond')).toHaveText(formatCount(before.samplesPerSecond));
  await canvas.selectNode('prom-eu-1');
  const interval = await inspector.field('Scrape interval');
  await interval.fill('30s');
  await interval.press('Tab');
  await expect(await load.cell('prom-eu-1', 'samplesPerSecond')).toHaveText(formatCount(after.samplesPerSecond));
  await expect(await load.cell('prom-eu-1', 'samplesPerSecond')).toHaveAttribute('title', `${formatExact(after.samplesPerSecond)} samples/s`);
});

test('File > Import turns a prometheus.yml into a new document', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await start(page);
  const yml = join(work, 'prometheus.yml');
  writeFileSync(
    yml,
    [
      'global:',
      '  scrape_interval: 15s',
      '  external_labels:',
      '    dc: eu-west',
      'scrape_configs:',
      '  - job_name: node',
      '    static_configs:',
      '      - targets: ["host-1:9100", "host-2:9100"]',
      'remote_write:',
      '  - url: http://remote.example/write',
      '',
    ].join('\n'),
  );
  await file.menu('Import…');
  const dialog = file.dialog('Import Prometheus configs');
  await dialog.locator('input[type="file"]').setInputFiles(yml);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const outcome = dialog.getByTestId('import-outcome');
  await expect(outcome).toHaveAttribute('data-ok', 'true');
  await expect(outcome).toContainText('1 server');
  await expect(outcome).toContainText('1 target group');
  await expect(dialog.getByTestId('import-diagnostics').locator('li[data-severity="info"]').first()).toBeVisible();
  await shot('panels-import-light');
  await dialog.getByRole('button', { name: 'Open as new document' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.nodes).toHaveCount(2);
  await expect(page).toHaveTitle(/^● .* — PromTopo$/);
});

test('a failed import changes nothing', async ({ page, canvas }) => {
  const file = new FilePage(page);
  await start(page);
  const countBefore = await canvas.nodes.count();
  const bad = join(TESTDATA, 'prometheus-config', 'jobname.bad.yml');
  expect(existsSync(bad), `${bad} (shared test data) is missing`).toBe(true);
  await file.menu('Import…');
  const dialog = file.dialog('Import Prometheus configs');
  await dialog.locator('input[type="file"]').setInputFiles(bad);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-outcome')).toHaveAttribute('data-ok', 'false');
  await expect(dialog.getByTestId('import-diagnostics').locator('li[data-severity="error"]').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(canvas.nodes).toHaveCount(countBefore);
});

test('screenshots of every panel and dialog, light and dark', async ({ page, shot }) => {
  test.setTimeout(240_000);
  const file = new FilePage(page);
  await start(page);
  await file.open(writeDocument('broken.promtopo.json', brokenSelectorTopology()));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    for (const tab of ['Problems', 'Load', 'Export'] as const) {
      await new LoadPanelPage(page).page.getByRole('complementary', { name: 'Side panels' }).getByRole('tab', { name: tab, exact: true }).click();
      await shot(`panels-${tab.toLowerCase()}-${scheme}`);
    }
    await page.getByRole('button', { name: 'File ▾' }).click();
    await shot(`panels-file-menu-${scheme}`);
    await page.keyboard.press('Escape');
    await file.menu('New from Template…');
    await expect(file.dialog('New from template').getByRole('button').nth(2)).toBeVisible();
    await shot(`panels-templates-${scheme}`);
    await file.dialog('New from template').getByRole('button', { name: 'Close' }).click();
    await file.menu('Open…');
    await shot(`panels-open-${scheme}`);
    await file.dialog('Open topology').getByRole('button', { name: 'Cancel' }).click();
    await file.menu('Import…');
    await shot(`panels-import-form-${scheme}`);
    await file.dialog('Import Prometheus configs').getByRole('button', { name: 'Cancel' }).click();
  }
});

test('prometheus.yml files dropped on the canvas are imported; Replace is one undo step', async ({ page, canvas }) => {
  await start(page);
  const countBefore = await canvas.nodes.count();
  const yml = ['scrape_configs:', '  - job_name: api', '    static_configs:', '      - targets: ["api-1:8080", "api-2:8080", "api-3:8080"]', ''].join('\n');
  // A real drop as Chromium delivers it (a DataTransfer carrying a File); the spec runs without DOM types.
  await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    const data = new DataTransfer();
    data.items.add(new File([${JSON.stringify(yml)}], 'prometheus.yml', { type: 'application/yaml' }));
    pane.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    pane.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  })()`);
  const dialog = new FilePage(page).dialog('Import Prometheus configs');
  await expect(dialog.getByTestId('import-outcome')).toHaveAttribute('data-ok', 'true');
  await expect(dialog.getByTestId('import-outcome')).toContainText('1 target group');
  await dialog.getByRole('button', { name: 'Replace current document' }).click();
  await expect(canvas.nodes).toHaveCount(2);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(canvas.nodes).toHaveCount(countBefore);
});

test('File > Import by path reads the config and its rule file on the host', async ({ page, canvas }) => {
  const file = new FilePage(page);
  await start(page);
  const dir = join(work, 'etc');
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'rules.yml'), ['groups:', '  - name: jobs', '    rules:', '      - record: job:up:sum', '        expr: sum by (job) (up)', ''].join('\n'));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    ['global:', '  external_labels:', '    dc: us-east', 'rule_files: [rules.yml]', 'scrape_configs:', '  - job_name: node', '    static_configs:', '      - targets: ["n-1:9100"]', ''].join('\n'),
  );
  await file.menu('Import…');
  const dialog = file.dialog('Import Prometheus configs');
  await dialog.getByLabel(/paths on this machine/).fill(join(dir, 'prometheus.yml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-outcome')).toHaveAttribute('data-ok', 'true');
  await dialog.getByRole('button', { name: 'Open as new document' }).click();
  await expect(canvas.nodes).toHaveCount(2);
  await new LoadPanelPage(page).open();
  // One imported server, named from its external label, with a load estimate.
  const row = page.locator('tr[data-server-name]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-server-name', /us-east/);
});
