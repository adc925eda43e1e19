// A real Prometheus (scraping itself, on a free port) started by this spec, in browser mode: a server
// of the built-in example is linked to it from the inspector, Measure shows its measured series,
// samples/s and RSS beside the prediction on the card; the link survives a reload and is in local
// settings, never in the saved file; File > Import from Server with that URL opens its job.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';
import { openSidebarTab } from './support/pages/sidebar.ts';
import { query, waitReady } from '../test/live/support/http.ts';
import { freePorts } from '../test/live/support/ports.ts';
import { spawn, type ChildProcess } from 'node:child_process';

test.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'promtopo-e2e-live-'));
let prometheus: ChildProcess | undefined;
let url = '';

test.beforeAll(async () => {
  const [port] = await freePorts(1);
  const address = `127.0.0.1:${port}`;
  url = `http://${address}`;
  const config = join(work, 'prometheus.yml');
  writeFileSync(config, `global:\n  scrape_interval: 2s\nscrape_configs:\n  - job_name: selfwatch\n    static_configs:\n      - targets: ['${address}']\n`);
  prometheus = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(work, 'data')}`, `--web.listen-address=${address}`], { stdio: 'ignore' });
  await waitReady(address);
  // Measured figures need one scrape of its own target.
  await expect.poll(async () => (await query(address, 'up{job="selfwatch"}')).length, { timeout: 60_000 }).toBe(1);
});

test.afterAll(() => {
  prometheus?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

test('a server linked to a running Prometheus shows measured beside predicted; the link is local, not in the file', async ({ page, canvas, shot }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
  await canvas.selectNode('prom-global');
  const field = page.getByTestId('server-link-main');
  await field.fill(`http://user:secret@127.0.0.1:1`);
  await field.press('Enter');
  await expect(page.getByTestId('server-link-error')).toHaveText(/a URL with a user name or password is refused/);
  await field.fill(url);
  await field.press('Enter');
  await expect(page.getByTestId('server-link-error')).toHaveCount(0);

  await page.getByTestId('server-measure').click();
  const card = page.getByTestId('node-prom-global').getByTestId('linked-badges');
  await expect(card.locator('[data-metric="linked"]')).toHaveText('live 1/1', { timeout: 30_000 });
  await expect(card.locator('[data-metric="live-series"]')).toHaveText(/^[\d.]+k? series [+-]\d+\.\d%$/);
  await expect(card.locator('[data-metric="live-samples"]')).toHaveText(/^[\d.]+k?\/s [+-]\d+\.\d%$/);
  await expect(card.locator('[data-metric="live-memory"]')).toHaveText(/^RSS [\d.]+ [KMG]iB [+-]\d+\.\d%$/);
  await expect(page.getByTestId('server-measured')).toContainText('measured');
  await shot('linked-card');

  // The Load panel has a Measured column beside the predicted ones, filled for the linked server only.
  const load = await openSidebarTab(page, 'Load');
  const row = load.locator('tr[data-server-name="prom-global"]');
  await expect(row.locator('[data-metric="measured-series"]')).toHaveText(/^[\d.]+k? [+-]\d+\.\d%$/);
  await expect(row.locator('[data-metric="measured-samples"]')).toHaveText(/^[\d.]+k?\/s [+-]\d+\.\d%$/);
  await expect(row.locator('[data-metric="measured-memory"]')).toHaveText(/^RSS [\d.]+ [KMG]iB [+-]\d+\.\d%$/);
  await expect(load.locator('tr[data-server-name="prom-us-1"] td[data-column="measured"]')).toHaveText('—');
  await shot('linked-load-panel');
  await openSidebarTab(page, 'Inspector');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot('linked-card-1280');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await shot('linked-card-1600');

  // The link is a local setting: it survives a reload, and a saved file does not hold it.
  await page.reload();
  await canvas.waitForNodes(5);
  await canvas.selectNode('prom-global');
  await expect(page.getByTestId('server-link-main')).toHaveValue(url);
  const saved = join(work, 'linked.promtopo.json');
  await new FilePage(page).saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  expect(text).not.toContain(url);
  expect(text).not.toContain('127.0.0.1:');
});

test('a server that refuses connections is named on the card, with no stack trace', async ({ page, canvas }) => {
  const [closed] = await freePorts(1);
  const down = `http://127.0.0.1:${closed}`;
  await page.goto('/');
  await canvas.waitForNodes(5);
  await canvas.selectNode('prom-global');
  await page.getByTestId('server-link-main').fill(down);
  await page.getByTestId('server-link-main').press('Enter');
  await page.getByTestId('server-measure').click();
  const error = page.getByTestId('node-prom-global').getByTestId('linked-error');
  await expect(error).toContainText(down, { timeout: 30_000 });
  await expect(error).not.toContainText(/\bat \S+ \(|\.(ts|js|mjs):\d+/);
  await expect(page.getByTestId('server-measure-error')).toContainText(down);
  // Unlinked again, the card shows no running-server figures.
  await page.getByTestId('server-link-main').fill('');
  await page.getByTestId('server-link-main').press('Enter');
  await expect(page.getByTestId('node-prom-global').getByTestId('linked-badges')).toHaveCount(0);
});

test('File > Import from Server opens the running server as a new document with its job', async ({ page, canvas, shot }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await canvas.waitForNodes(5);
  const file = new FilePage(page);
  await file.menu('Import from Server…');
  const dialog = file.dialog('Import from a running server');
  const input = dialog.getByLabel('Server URL');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'File ▾' })).toBeFocused();

  await file.menu('Import from Server…');
  await input.fill(url);
  await shot('import-server-dialog-1600');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot('import-server-dialog-1280');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-outcome')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await shot('import-server-outcome-1280');
  await dialog.getByRole('button', { name: 'Open as new document' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-title')).toHaveText(`prometheus-127-0-0-1 (imported from ${url})`);
  await expect(page.getByLabel('Unsaved changes')).toBeVisible();
  await expect(page.locator('.react-flow__node').filter({ hasText: 'selfwatch' }).first()).toBeVisible();
});
