// Browser mode as a browser tab: unsaved work is not lost to a reload or a closed tab, and copy and
// paste go through the operating system's clipboard as topology JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { shortcut } from './support/canvasActions.ts';
import { expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';

let work: string;
test.beforeEach(async ({ page, canvas }) => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-browser-mode-'));
  await page.goto('/');
  await canvas.waitForNodes(5);
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Closes the page as a user closing the tab would; the dialog type seen, if the page asked. */
async function closeTab(page: Page): Promise<string | undefined> {
  let asked: string | undefined;
  page.once('dialog', (dialog) => {
    asked = dialog.type();
    void dialog.dismiss(); // "Stay on page"
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked !== undefined || page.isClosed()).toBe(true);
  return asked;
}

test('closing the tab with unsaved changes asks first; once saved it closes without asking', async ({ page, canvas }) => {
  await canvas.selectNode('prom-us-1');
  await shortcut(page, 'Delete');
  await expect(page.getByLabel('Unsaved changes')).toBeVisible();

  expect(await closeTab(page)).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(canvas.node('prom-us-1')).toHaveCount(0); // the work is still there

  const path = join(work, 'kept.promtopo.json');
  await new FilePage(page).saveAs(path);
  await expect(page.getByLabel('Unsaved changes')).toHaveCount(0);
  expect(JSON.parse(readFileSync(path, 'utf8')).nodes.map((n: { name: string }) => n.name)).not.toContain('prom-us-1');
  expect(await closeTab(page)).toBeUndefined();
  expect(page.isClosed()).toBe(true);
});

test('an untouched document reloads without a prompt', async ({ page, canvas }) => {
  let asked = false;
  page.on('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  await page.reload();
  await canvas.waitForNodes(5);
  expect(asked).toBe(false);
});

test('copy puts topology JSON on the system clipboard; topology JSON from the clipboard pastes', async ({ page, canvas }) => {
  await canvas.selectNode('prom-us-1');
  await shortcut(page, 'Control+c');
  await expect(page.getByTestId('status-message')).toContainText('Copied 1 node (also on the system clipboard');
  const copied = JSON.parse(String(await page.evaluate('navigator.clipboard.readText()')));
  expect(copied.format).toBe('promtopo');
  expect(copied.nodes.map((n: { name: string }) => n.name)).toEqual(['prom-us-1']);

  // Topology JSON from elsewhere (here: an example file as another window would copy it).
  const other = readFileSync(join('assets', 'examples', 'ha-pair.promtopo.json'), 'utf8');
  const names: string[] = JSON.parse(other).nodes.map((n: { name: string }) => n.name);
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(other)})`);
  const before = await canvas.nodes.count();
  await shortcut(page, 'Control+v');
  await expect(canvas.nodes).toHaveCount(before + names.length);
  for (const name of names) await expect(page.locator(`[data-testid^="node-${name}"]`).first()).toBeVisible();
  // One paste, one undo step.
  await shortcut(page, 'Control+z');
  await expect(canvas.nodes).toHaveCount(before);

  // Text that is not a topology is refused with the reason; nothing changes.
  await page.evaluate(`navigator.clipboard.writeText('hello')`);
  await shortcut(page, 'Control+v');
  await expect(page.getByTestId('status-message')).toContainText('clipboard: not valid JSON');
  await expect(canvas.nodes).toHaveCount(before);
});
