// The Monaco panes in browser mode, as a user uses them (issue 6).
import { expect, test } from './support/fixtures.ts';

test.beforeEach(async ({ page, canvas }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
});

test('the config preview follows a canvas edit', async ({ page, canvas, editors, shot }) => {
  await canvas.selectNode('prom-eu-1');
  const pane = await editors.openConfigPreview();
  await expect(pane).toHaveAttribute('data-file', /prom-eu-1-a\/prometheus\.yml$/);
  await expect(pane).toHaveAttribute('data-jobs', /\bnode-eu\b/);
  expect(await editors.visibleText(pane)).toContain("Prometheus leaf \"prom-eu-1\"");
  await shot('editors-config-preview');

  // A click inside a job selects the element it came from: the node-eu target group.
  await pane.locator('.view-line', { hasText: 'job_name: node-eu' }).click();
  await expect(canvas.node('node-eu')).toHaveClass(/\bselected\b/);
  await expect(canvas.node('prom-eu-1')).not.toHaveClass(/\bselected\b/);

  // Delete the target group on the canvas: its job leaves the server's config.
  await canvas.selectNode('node-eu');
  await expect(pane).toHaveAttribute('data-file', /prom-eu-1-a\/prometheus\.yml$/);
  await page.keyboard.press('Delete');
  await expect(canvas.node('node-eu')).toHaveCount(0);
  await expect(pane).toHaveAttribute('data-file', /prom-eu-1-a\/prometheus\.yml$/);
  await expect(pane).not.toHaveAttribute('data-jobs', /\bnode-eu\b/);
});

test('a broken selector is marked at its column, and the problems panel agrees', async ({ page, inspector, problems, shot }) => {
  await page.getByTestId('edge-label-e7').click();
  const panel = await inspector.open();
  const row = panel.getByTestId('match-row-0');
  const selector = row.getByTestId('selector-editor');
  await expect(selector.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await selector.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  // The selector field never auto-closes brackets or quotes: this text stays as typed, an invalid regex.
  await page.keyboard.type('up{job=~"("}');
  await expect(selector).toHaveAttribute('data-marker-column', '9');
  await expect(row).toContainText('invalid regex');
  await expect(selector.locator('.squiggly-error')).toHaveCount(1);
  await shot('editors-selector-broken');

  // Leaving the editor commits the selector: the problems panel reports the same column.
  await panel.getByText('match[]', { exact: false }).first().click();
  const items = await problems.items(/at column 9/);
  await expect(items.first()).toBeVisible();
  await expect(items.first()).toHaveAttribute('data-code', /^selector\//);
});

test('completion offers the metric names the source server holds, and the series count follows', async ({ page, inspector, shot }) => {
  await page.getByTestId('edge-label-e7').click();
  const panel = await inspector.open();
  const selector = panel.getByTestId('match-row-0').getByTestId('selector-editor');
  await expect(selector.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await selector.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('node_lo');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.filter({ hasText: 'node_load1' }).first()).toBeVisible();
  await shot('editors-selector-completion');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('node_load1');
  await expect(selector).toHaveAttribute('data-series', /^[1-9]\d*$/);
  await expect(selector.getByTestId('selector-meta')).toContainText(/pulls about [\d,]+ series/);
});

test('the change inspector shows the diff of a changed scrape interval', async ({ page, canvas, inspector, editors, shot }) => {
  await canvas.selectNode('prom-us-1');
  const interval = (await inspector.open()).getByLabel('Scrape interval', { exact: true });
  await interval.fill('45s');
  await interval.press('Enter');
  const pane = await editors.openChanges();
  await expect(pane.getByTestId('change-summary')).toContainText('prom-us-1/prometheus.yml');
  const diff = pane.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible({ timeout: 30_000 });
  await expect(diff.locator('.line-insert, .char-insert').first()).toBeVisible();
  await expect(diff.locator('.editor.modified')).toContainText('scrape_interval: 45s');
  await shot('editors-changes');
});

test('raw YAML extra scrape configs show problems with line and column', async ({ page, canvas, editors, shot }) => {
  await canvas.selectNode('prom-us-1');
  const pane = await editors.openRawYaml();
  await pane.locator('.monaco-editor').click();
  await page.keyboard.type('- job_name: node-us\n');
  await expect(pane.getByTestId('raw-yaml-problems')).toContainText('line 1, column 13: job_name "node-us" is already the job PromTopo generates');
  await expect(pane).toHaveAttribute('data-errors', '1');
  await expect(pane.locator('.squiggly-error').first()).toBeVisible();
  await shot('editors-raw-yaml');
});
