// The designer from the keyboard: dialogs take the focus and give it back, arrow keys move the
// selected node (one undo step each), Tab reaches the nodes first and every focusable element of
// the canvas has a name made of the designer's words.
import { nodeCentre, shortcut } from './support/canvasActions.ts';
import { expect, test } from './support/fixtures.ts';

test.beforeEach(async ({ page, canvas }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
});

test('the shortcuts sheet takes the focus, closes on Escape and gives the focus back', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts (?)' });
  await opener.click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect.poll(() => sheet.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(opener).toBeFocused();

  // Opened with `?` from the canvas: Escape closes it too, and Tab stays inside while it is open.
  await shortcut(page, '?');
  await expect(sheet).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect.poll(() => sheet.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('arrow keys move the selected node: applied, unsaved, one undo step per press', async ({ page, canvas }) => {
  const before = await nodeCentre(page, 'prom-us-1');
  await canvas.selectNode('prom-us-1');
  const wrapper = page.locator('.react-flow__node', { has: canvas.node('prom-us-1') });
  await wrapper.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await nodeCentre(page, 'prom-us-1')).x - before.x)).toBeGreaterThan(5);
  await expect(page.getByLabel('Unsaved changes')).toBeVisible();
  // Still there after something else re-renders the canvas (the document holds the position).
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await expect.poll(async () => Math.round((await nodeCentre(page, 'prom-us-1')).x - before.x)).toBeGreaterThan(5);
  await shortcut(page, 'Control+z');
  await shortcut(page, 'Control+z');
  await expect.poll(async () => Math.round((await nodeCentre(page, 'prom-us-1')).x)).toBe(Math.round(before.x));
  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toBeDisabled();
});

test('Tab reaches the nodes before any edge, and canvas elements are named in the designer\'s words', async ({ page }) => {
  // From the last palette item, Tab enters the canvas.
  await page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: 'Grafana', exact: true }).focus();
  let first = '';
  for (let i = 0; i < 10 && !first; i++) {
    await page.keyboard.press('Tab');
    first = await page.locator('.react-flow').evaluate((canvas) => {
      const el = canvas.ownerDocument.activeElement;
      if (!el || !canvas.contains(el)) return '';
      return `${el.getAttribute('aria-roledescription') ?? el.tagName}: ${el.getAttribute('aria-label') ?? ''}`;
    });
  }
  expect(first).toBe('node: Target group node-eu');

  const names = await page.locator('.react-flow__node, .react-flow__edge').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.filter((n) => n === '')).toEqual([]);
  // Internal ids (t-node-eu, p-eu, e7) never reach the user.
  expect(names.filter((n) => /\b(t-[a-z-]+|p-[a-z]+|e\d+)\b/.test(n))).toEqual([]);
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveAttribute('aria-label', 'Federation edge: prom-global pulls from prom-eu-1');

  // An edge is reached from its node: the inspector lists the node's connections as buttons.
  await page.keyboard.press('Enter'); // selects the focused node (node-eu)
  const connection = page.getByRole('complementary', { name: 'Side panels' }).getByRole('button', { name: 'Scrape edge: prom-eu-1 scrapes node-eu' });
  await connection.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge[data-id="e1"]')).toHaveClass(/selected/);
});
