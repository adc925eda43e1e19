// Real gestures on the built-in example, as a new user makes them: click away, switch tabs, press
// shortcuts, add rows. Each test names the gesture and the behaviour the designer must keep.
import type { Locator, Page } from '@playwright/test';
import { edgeLabel, shortcut } from './support/canvasActions.ts';
import { expect, test } from './support/fixtures.ts';
import { Journey } from './support/journey.ts';
import { openSidebarTab } from './support/pages/sidebar.ts';

const FEDERATION = 'e7'; // prom-global <- prom-eu-1, match[] = {__name__=~"job:.*"}

test.beforeEach(async ({ page, canvas }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
});

function undoButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Undo (Ctrl+Z)' });
}

/** Selects the federation edge by its label and waits for its Monaco selector editor. */
async function openFederation(page: Page): Promise<Locator> {
  await edgeLabel(page, FEDERATION).click();
  const panel = await openSidebarTab(page, 'Inspector');
  await expect(panel.getByTestId('match-row-0').locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
  return panel;
}

async function expectSelectorKept(page: Page): Promise<void> {
  await expect(edgeLabel(page, FEDERATION)).not.toHaveClass(/has-error/);
  await expect(edgeLabel(page, FEDERATION)).toContainText('job:.*');
  await expect(undoButton(page)).toBeDisabled();
}

test.describe('leaving a federation edge keeps its match[] selectors', () => {
  test('clicking the empty canvas', async ({ page, canvas }) => {
    await openFederation(page);
    await canvas.pane.click({ position: { x: 5, y: 5 } });
    await expectSelectorKept(page);
  });

  test('switching the sidebar tab', async ({ page }) => {
    await openFederation(page);
    await openSidebarTab(page, 'Load');
    await expectSelectorKept(page);
  });

  test('clicking into the selector, then clicking a node', async ({ page, canvas }) => {
    const panel = await openFederation(page);
    await panel.getByTestId('match-row-0').locator('.monaco-editor').click();
    await canvas.selectNode('prom-us-1');
    await expectSelectorKept(page);
  });

  test('pressing Escape (select none) with the focus on the canvas', async ({ page }) => {
    await openFederation(page);
    await shortcut(page, 'Escape');
    await expectSelectorKept(page);
  });

  test('pressing Ctrl+E (the Export tab) with the focus on the canvas', async ({ page }) => {
    await openFederation(page);
    await shortcut(page, 'Control+e');
    await expect(page.getByRole('tab', { name: 'Export', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expectSelectorKept(page);
  });

  test('connecting another edge by its handles', async ({ page }) => {
    await openFederation(page);
    const edges = await page.locator('.react-flow__edge').count();
    // node-us is scraped by prom-us-1; a second scrape edge from prom-eu-1, drawn by hand.
    await new Journey(page).connect('node-us', 'prom-eu-1');
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
    await expect(edgeLabel(page, FEDERATION)).not.toHaveClass(/has-error/);
    await expect(edgeLabel(page, FEDERATION)).toContainText('job:.*');
  });

  test('a typo typed and left stays the typo, not an empty selector', async ({ page, canvas }) => {
    const panel = await openFederation(page);
    const editor = panel.getByTestId('match-row-0').locator('.monaco-editor');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('up{');
    await canvas.pane.click({ position: { x: 5, y: 5 } });
    await expect(edgeLabel(page, FEDERATION)).toHaveClass(/has-error/);
    await expect(edgeLabel(page, FEDERATION)).toContainText('up{');
    const problems = await openSidebarTab(page, 'Problems');
    await expect(problems.getByRole('listitem').filter({ hasText: 'match[]' }).first()).not.toContainText('empty selector');
    // One edit, one undo step: Undo brings back the original selector.
    await shortcut(page, 'Control+z');
    await expect(edgeLabel(page, FEDERATION)).toContainText('job:.*');
    await expect(undoButton(page)).toBeDisabled();
  });
});

test('"+ Add selector" keeps the existing rows and adds one', async ({ page, canvas }) => {
  const panel = await openFederation(page);
  await panel.getByRole('button', { name: '+ Add selector' }).click();
  await expect(panel.getByTestId('match-row-1').locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('match-row-0').locator('.view-lines')).toHaveText('{__name__=~"job:.*"}');
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await expect(edgeLabel(page, FEDERATION)).not.toHaveClass(/has-error/);
  await expect(edgeLabel(page, FEDERATION)).toContainText('job:.*, job:.+');
});

test('after a federation edge was shown, Enter still inserts a newline in the Raw YAML editor', async ({ page, canvas, editors }) => {
  await openFederation(page);
  await canvas.selectNode('prom-us-1');
  const pane = await editors.openRawYaml();
  await pane.locator('.monaco-editor').click();
  await page.keyboard.type('- job_name: a');
  await page.keyboard.press('Enter');
  await page.keyboard.type('  static_configs: []');
  await expect.poll(async () => editors.visibleText(pane)).toBe('- job_name: a\n  static_configs: []');
});

test('the selector field keeps brackets and quotes as typed (no auto-closing)', async ({ page }) => {
  const panel = await openFederation(page);
  const row = panel.getByTestId('match-row-0');
  await row.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{job="node"');
  await expect(row.locator('.view-lines')).toHaveText('{job="node"');
  await page.keyboard.type('}');
  await expect(row.locator('.view-lines')).toHaveText('{job="node"}');
  await page.keyboard.press('Enter');
  await expect(edgeLabel(page, FEDERATION)).toContainText('{job="node"}');
});
