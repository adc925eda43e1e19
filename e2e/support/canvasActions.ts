/**
 * Canvas gestures for the designer spec: connect two nodes by their handles, select an edge by its
 * label, read a node's load badges, press shortcuts with the focus on the canvas (never in an input).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Drags from `from`'s source handle (right side) to `to`'s target handle (left side). */
export async function connectNodes(page: Page, from: string, to: string): Promise<void> {
  const source = page.getByTestId(`node-${from}`).locator('xpath=..').locator('.react-flow__handle.source');
  const target = page.getByTestId(`node-${to}`).locator('xpath=..').locator('.react-flow__handle.target');
  await source.dragTo(target);
}

/** The label of the edge with document id `id`. */
export function edgeLabel(page: Page, id: string): Locator {
  return page.getByTestId(`edge-label-${id}`);
}

/** The text of one load badge of a node (`series`, `samples`, `memory`, `utilisation`). */
export function loadBadge(page: Page, node: string, metric: 'series' | 'samples' | 'memory' | 'rss' | 'utilisation'): Locator {
  return page.getByTestId(`node-${node}`).locator(`[data-metric="${metric}"]`);
}

/** Presses a shortcut with the focus on the page body (as after clicking the canvas). */
export async function shortcut(page: Page, keys: string): Promise<void> {
  await page.locator('body').focus().catch(() => {});
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
  await page.keyboard.press(keys);
}

/** Centre of a node card in page coordinates. */
export async function nodeCentre(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(`node-${name}`).boundingBox();
  expect(box, `node ${name} is on screen`).not.toBeNull();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

/**
 * Replaces the selector in a match[] row (Monaco or plain input) with `text`, typed key by key as a
 * user would; Monaco's completion list is dismissed whenever it opens so it cannot rewrite the text.
 * Not committed yet (Enter or blur commits).
 */
export async function setSelector(page: Page, row: Locator, text: string): Promise<void> {
  // Monaco mounts lazily: wait for whichever editor the row ends up with.
  await expect(row.locator('.monaco-editor .view-lines, input.pt-input:not([readonly])').first()).toBeVisible({ timeout: 30_000 });
  const monaco = row.locator('.monaco-editor');
  if ((await monaco.count()) === 0) {
    await row.locator('input.pt-input:not([readonly])').first().fill(text);
    return;
  }
  await monaco.first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const suggest = page.locator('.suggest-widget.visible');
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(40);
    if ((await suggest.count()) > 0) await page.keyboard.press('Escape');
  }
  await expect(row.locator('.view-lines')).toHaveText(text.replace(/ /g, '\u00a0'));
}
