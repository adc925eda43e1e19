/**
 * The remote-write example on the canvas and in the Load panel: edge labels with samples/s and
 * bytes/s, the receiver's ingest badges, and the Load panel's remote-write tables; screenshots at
 * 1600x1000 and 1280x720. Non-local requests are blocked and page errors fail (fixtures).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { FilePage, LoadPanelPage } from './support/panels.ts';

async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').nth(1)).toBeVisible();
}

for (const [width, height] of [[1600, 1000], [1280, 720]] as const) {
  test(`remote-write example: edge labels, receiver badges and the Load panel's tables at ${width}x${height}`, async ({ page, shot }) => {
    await page.setViewportSize({ width, height });
    const file = new FilePage(page);
    await start(page);
    await file.newFromTemplate(/Remote write/);
    const label = page.locator('.react-flow__edge-text, .pt-edge-label').filter({ hasText: /^remote_write · .+\/s · .+\/s$/ });
    await expect(label.first()).toBeVisible();
    // The whole label is readable: not cut by the label's max-width.
    for (const l of await label.all()) expect(await l.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(page.getByTestId('node-prom-central').getByTestId('receiver-badges')).toContainText('in ');
    await shot(`remote-write-canvas-${width}x${height}`);
    const panel = await new LoadPanelPage(page).open();
    const table = panel.getByTestId('remote-write-table');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(panel.getByTestId('receiver-table').locator('tr[data-receiver-id="p-central"]')).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await shot(`remote-write-load-${width}x${height}`);
  });
}
