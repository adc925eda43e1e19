// What the designer tells the user, and where it takes them: refused drags say why, old messages
// go away, panels and dialogs are readable, links show what they name, and no load or tab switch
// leaves an error behind (the harness fails the test on any page error or failed request).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { connectNodes, edgeLabel, shortcut } from './support/canvasActions.ts';
import { textContrast } from './support/contrast.ts';
import { expect, test } from './support/fixtures.ts';
import { openSidebarTab } from './support/pages/sidebar.ts';
import { FilePage } from './support/panels.ts';

test.beforeEach(async ({ page, canvas }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
});

function status(page: Page) {
  return page.getByTestId('status-message');
}

/** Drags from `from`'s source handle onto the middle of `to`'s card (not onto a handle). */
async function dragOntoCard(page: Page, from: string, to: string): Promise<void> {
  const source = page.getByTestId(`node-${from}`).locator('xpath=..').locator('.react-flow__handle.source');
  await source.dragTo(page.getByTestId(`node-${to}`));
}

test('dragging from one target group to another says why nothing was connected', async ({ page, canvas }) => {
  const edges = await canvas.edges.count();
  await dragOntoCard(page, 'node-eu', 'db-eu');
  await expect(status(page)).toContainText('Target group node-eu and Target group db-eu cannot be connected: one end must be a Prometheus server.');
  expect(await canvas.edges.count()).toBe(edges);
});

test('a refusal message goes away with the next action', async ({ page, canvas }) => {
  await dragOntoCard(page, 'node-eu', 'db-eu');
  await expect(status(page)).toContainText('cannot be connected');
  await canvas.selectNode('prom-us-1');
  await expect(status(page)).toHaveText('');
  // A new message after that shows again.
  await connectNodes(page, 'node-eu', 'prom-eu-1');
  await expect(status(page)).toContainText('already connected');
});

test('leaving the Changes tab leaves no page error', async ({ page, canvas, editors, pageProblems }) => {
  await canvas.selectNode('prom-us-1');
  const interval = (await openSidebarTab(page, 'Inspector')).getByLabel('Scrape interval', { exact: true });
  await interval.fill('45s');
  await interval.press('Enter');
  for (const next of ['Inspector', 'Load']) {
    const pane = await editors.openChanges();
    await expect(pane.locator('.monaco-diff-editor .editor.modified')).toContainText('scrape_interval: 45s', { timeout: 30_000 });
    await openSidebarTab(page, next);
  }
  await expect(page.getByTestId('change-inspector')).toHaveCount(0);
  expect(pageProblems.all).toEqual([]);
});

test('the Raw YAML Apply button is readable (WCAG AA contrast), light and dark', async ({ page, canvas, editors }) => {
  await canvas.selectNode('prom-us-1');
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: /^Theme: / }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const pane = await editors.openRawYaml();
    await pane.locator('.monaco-editor').click();
    await page.keyboard.type('# note');
    const apply = pane.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeEnabled();
    expect(await textContrast(apply), `Apply (${theme})`).toBeGreaterThanOrEqual(4.5);
  }
});

/** How many lines the text of a field label (before its input) takes. */
async function labelLines(label: Locator): Promise<number> {
  return label.evaluate((el) => {
    const range = el.ownerDocument.createRange();
    const input = el.querySelector('input');
    range.setStart(el, 0);
    if (input) range.setEndBefore(input);
    else range.setEnd(el, el.childNodes.length);
    // Boxes on one line overlap vertically (a <code> box sits a little higher or lower than text).
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= bottom - 1) lines++;
      bottom = Math.max(bottom, box.bottom);
    }
    return lines;
  });
}

test('Save As and Open: the path field labels read on one line', async ({ page }) => {
  const file = new FilePage(page);
  for (const [item, title, text] of [['Save As…', 'Save topology as', 'File path'], ['Open…', 'Open topology', 'Path of a']] as const) {
    await file.menu(item);
    const dialog = file.dialog(title);
    expect(await labelLines(dialog.locator('label').filter({ hasText: text })), title).toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('the Export panel\'s "Select the edge" shows the edge in the inspector', async ({ page }) => {
  await edgeLabel(page, 'e7').click();
  const inspector = await openSidebarTab(page, 'Inspector');
  const row = inspector.getByTestId('match-row-0');
  await row.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('up{');
  await page.keyboard.press('Enter');
  await shortcut(page, 'Escape');
  const exportPanel = await openSidebarTab(page, 'Export');
  await exportPanel.getByRole('button', { name: 'Select the edge' }).first().click();
  await expect(page.getByRole('tab', { name: 'Inspector', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-element', 'e7');
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveClass(/selected/);
});

test('the page has an icon: /favicon.ico and the linked icon are served', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toBe('image/x-icon');
  const body = await ico.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  expect((await request.get(new URL(href!, page.url()).toString())).status()).toBe(200);
});
