// The import dialog shows the round-trip verdict before the user accepts: a real setup (dockprom,
// from ../shared/testdata/real-configs) read in the page compares equal; a config read by path on the
// host whose rule group `limit` the model does not hold shows that difference by file, group and field.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';

const DOCKPROM = join('..', 'shared', 'testdata', 'real-configs', 'dockprom');

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-verdict-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
}

test('files read in the page: the verdict says the round trip changes nothing', async ({ page, shot }) => {
  expect(existsSync(join(DOCKPROM, 'prometheus.yml')), `${DOCKPROM} (shared test data) is missing`).toBe(true);
  const file = new FilePage(page);
  await start(page);
  await file.menu('Import…');
  const dialog = file.dialog('Import Prometheus configs');
  await dialog.locator('input[type="file"]').setInputFiles([join(DOCKPROM, 'prometheus.yml'), join(DOCKPROM, 'alert.rules')]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-outcome')).toHaveAttribute('data-ok', 'true');
  const verdict = dialog.getByTestId('import-verdict');
  await expect(verdict).toHaveAttribute('data-equal', 'true');
  await expect(verdict).toContainText('the round trip would change nothing (1 configuration compared, all equal)');
  await shot('import-verdict-equal');
});

test('paths read on the host: the verdict names what the round trip would change', async ({ page, canvas, shot }) => {
  const file = new FilePage(page);
  await start(page);
  const dir = join(work, 'limited');
  mkdirSync(dir);
  writeFileSync(join(dir, 'prometheus.yml'), 'rule_files: [rules.yml]\nscrape_configs:\n  - job_name: node\n    static_configs: [{targets: ["n1:9100"]}]\n');
  writeFileSync(join(dir, 'rules.yml'), 'groups:\n  - name: g\n    limit: 10\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n');
  await file.menu('Import…');
  const dialog = file.dialog('Import Prometheus configs');
  await dialog.getByLabel(/paths on this machine/).fill(join(dir, 'prometheus.yml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const verdict = dialog.getByTestId('import-verdict');
  await expect(verdict).toHaveAttribute('data-equal', 'false');
  await expect(verdict).toContainText('the round trip would change what Prometheus does: 0 of 1 configuration equal, 1 difference');
  await expect(verdict.locator('li')).toHaveText(['limited/prometheus.yml: rule group "g": limit is 10 in the original, 0 after the round trip']);
  await shot('import-verdict-differences');
  // The verdict informs; the user can still accept.
  await dialog.getByRole('button', { name: 'Open as new document' }).click();
  await expect(canvas.nodes).toHaveCount(2);
});
