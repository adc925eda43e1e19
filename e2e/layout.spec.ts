// The window at 1280x720 as a user meets it: side columns that leave the canvas most of the width,
// names readable at "fit", a Load table inside its panel, a sidebar that resizes and a palette that
// collapses (both remembered), drops that stay where they were dropped, click-adds that never overlap.
import type { Locator, Page } from '@playwright/test';
import { builtInExampleNodeCount, expect, test } from './support/fixtures.ts';
import { Journey } from './support/journey.ts';

test.use({ viewport: { width: 1280, height: 720 } });

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  expect(b, `${l} is on screen`).not.toBeNull();
  return b!;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (p: { x: number; y: number }, b: Box) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(builtInExampleNodeCount());
      await expect(page.locator('.react-flow__node').last()).toBeVisible();
}

test('at 1280x720 the side columns leave the canvas most of the width and names are readable at fit', async ({ page }) => {
  await start(page);
  await page.keyboard.press('Shift+!');
  const palette = await boxOf(page.getByRole('navigation', { name: 'Palette' }));
  const sidebar = await boxOf(page.getByRole('complementary', { name: 'Side panels' }));
  const share = (palette.width + sidebar.width) / 1280;
  console.log(`palette ${palette.width}px + sidebar ${sidebar.width}px = ${(share * 100).toFixed(1)}% of 1280`);
  expect(share).toBeLessThan(0.45);
  // Every card's name: at least 10 px on screen at fit, and shown whole (no clipped line).
  const names = await page.locator('.pt-node-name').evaluateAll(
    (els: { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number; textContent: string | null; getBoundingClientRect(): { height: number } }[]) =>
      els.map((el) => ({ name: el.textContent, clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1 })),
  );
  expect(names.filter((n) => n.clipped)).toEqual([]);
  const px = await page.evaluate(`(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
    return parseFloat(getComputedStyle(document.querySelector('.pt-node-name')).fontSize) * zoom;
  })()`);
  console.log(`node names at fit: ${(px as number).toFixed(1)} px`);
  expect(px as number).toBeGreaterThanOrEqual(10);
  // The Load table fits its panel.
  const j = new Journey(page);
  const load = await j.tab('Load');
  const table = load.getByTestId('load-table');
  await expect(table).toBeVisible();
  const fits = await table.evaluate((t: { scrollWidth: number; parentElement: { clientWidth: number } | null }) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0));
  expect(fits).toBe(true);
  await expect(load.getByRole('button', { name: 'prom-eu-app' })).toHaveText('prom-eu-app');
});

test('the sidebar resizes by its edge (mouse or arrow keys) and the palette collapses; both are remembered', async ({ page }) => {
  await start(page);
  const sidebar = page.getByRole('complementary', { name: 'Side panels' });
  const edge = page.getByRole('separator', { name: 'Resize the side panels' });
  const before = (await boxOf(sidebar)).width;
  await edge.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await boxOf(sidebar)).width).toBe(before + 48);
  const e = await boxOf(edge);
  await page.mouse.move(e.x + e.width / 2, e.y + 200);
  await page.mouse.down();
  await page.mouse.move(e.x + e.width / 2 - 60, e.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await boxOf(sidebar)).width).toBe(before + 108);
  await expect(edge).toHaveAttribute('aria-valuenow', String(before + 108));

  const palette = page.getByRole('navigation', { name: 'Palette' });
  const toggle = palette.getByRole('button', { name: /the palette$/ });
  const collapsed = (await toggle.getAttribute('aria-expanded')) === 'false';
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', String(collapsed));
  const paletteWidth = (await boxOf(palette)).width;
  // Collapsed or not, every kind can still be added (the name is the kind's label).
  await expect(palette.getByRole('button', { name: 'Leaf Prometheus', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(builtInExampleNodeCount());
      await expect(page.locator('.react-flow__node').last()).toBeVisible();
  expect((await boxOf(sidebar)).width).toBe(before + 108);
  expect((await boxOf(palette)).width).toBe(paletteWidth);
  await expect(palette.getByRole('button', { name: /the palette$/ })).toHaveAttribute('aria-expanded', String(collapsed));
});

test('drops stay where they were dropped, inside the canvas; click-added nodes never overlap', async ({ page }) => {
  const j = new Journey(page);
  await j.fileNew();
  const pane = page.locator('.react-flow__pane');
  const paneBox = await boxOf(pane);
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const drop = async (item: string, at: { x: number; y: number }) =>
    palette.getByRole('button', { name: item, exact: true }).dragTo(pane, { targetPosition: at });

  // The first node on an empty canvas stays under the pointer (no re-centring)...
  await drop('Leaf Prometheus', { x: 250, y: 200 });
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  const first = page.locator('.react-flow__node').nth(0);
  const firstBox = await boxOf(first);
  expect(inside({ x: paneBox.x + 250, y: paneBox.y + 200 }, firstBox)).toBe(true);
  // ...so the next drop elsewhere lands elsewhere, and the first one has not moved.
  await drop('Target group', { x: 250, y: 450 });
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  const second = await boxOf(page.locator('.react-flow__node').nth(1));
  expect(inside({ x: paneBox.x + 250, y: paneBox.y + 450 }, second)).toBe(true);
  expect(overlap(firstBox, second)).toBe(false);
  expect(await boxOf(first)).toEqual(firstBox);
  // A drop at the canvas' right edge is pulled inside it, not left under the sidebar.
  await drop('Alertmanager', { x: paneBox.width - 4, y: 300 });
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  const right = await boxOf(page.locator('.react-flow__node').nth(2));
  expect(right.x + right.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  const sidebar = await boxOf(page.getByRole('complementary', { name: 'Side panels' }));
  expect(overlap(right, sidebar)).toBe(false);

  // Click-adds: each in free space near the view's centre.
  for (let i = 0; i < 4; i++) await palette.getByRole('button', { name: 'Grafana', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  const boxes = await Promise.all(Array.from({ length: 7 }, (_, i) => boxOf(page.locator('.react-flow__node').nth(i))));
  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) expect(overlap(boxes[a]!, boxes[b]!), `nodes ${a} and ${b} overlap`).toBe(false);
});
