// Every view of the designer checked by axe-core (through @axe-core/playwright) in the light and the
// dark theme: the canvas, each sidebar tab (with a node and an edge selected too), each dialog. No
// serious or critical violation may remain. Each view is also saved as a screenshot at 1280x720 and
// 1600x1000 (e2e/artifacts/views/) to be looked at.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, builtInExampleNodeCount, expect, test } from './support/fixtures.ts';
import { FilePage } from './support/panels.ts';

test.setTimeout(300_000);

const VIEWS_DIR = join(ARTIFACTS_DIR, 'views');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1600, height: 1000 },
] as const;

interface View {
  readonly name: string;
  /** Brings the view up from the first-start example with nothing open. */
  open(page: Page): Promise<void>;
  /** Closes what `open` opened (dialogs), so the next view starts clean. */
  close?(page: Page): Promise<void>;
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Side panels' });
const tab = (title: string) => async (page: Page) => {
  await sidebar(page).getByRole('tab', { name: title, exact: true }).click();
  await expect(sidebar(page).getByRole('tab', { name: title, exact: true })).toHaveAttribute('aria-selected', 'true');
};
const monacoShown = async (page: Page) => expect(sidebar(page).locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
const node = (page: Page, name: string) => page.locator('.react-flow__node').filter({ has: page.locator('.pt-node-name').getByText(name, { exact: true }) });
const dialog = (title: string, open: (page: Page) => Promise<void>): View => ({
  name: `dialog ${title}`,
  open: async (page) => {
    await open(page);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
  },
  close: async (page) => {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: title })).toBeHidden();
  },
});

/** The palette expanded or collapsed (whatever the window's default), put back as it was after. */
function paletteView(expanded: boolean): View {
  const toggle = (page: Page) => page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: /the palette$/ });
  let flipped = false;
  return {
    name: expanded ? 'palette expanded' : 'palette collapsed',
    open: async (page) => {
      flipped = (await toggle(page).getAttribute('aria-expanded')) !== String(expanded);
      if (flipped) await toggle(page).click();
      await expect(toggle(page)).toHaveAttribute('aria-expanded', String(expanded));
    },
    close: async (page) => {
      if (flipped) await toggle(page).click();
    },
  };
}

const VIEWS: readonly View[] = [
  { name: 'canvas and inspector (document)', open: tab('Inspector') },
  {
    name: 'inspector (server)',
    open: async (page) => {
      await node(page, 'prom-eu-1').locator('.pt-node-name').click();
      await tab('Inspector')(page);
    },
  },
  {
    name: 'inspector (federation edge)',
    open: async (page) => {
      await page.locator('.react-flow__edgelabel-renderer').getByText(/job:/).first().click();
      await tab('Inspector')(page);
      await monacoShown(page);
    },
  },
  { name: 'problems', open: tab('Problems') },
  { name: 'load', open: tab('Load') },
  { name: 'export', open: tab('Export') },
  {
    name: 'config',
    open: async (page) => {
      await tab('Config')(page);
      await monacoShown(page);
    },
  },
  {
    name: 'changes',
    open: async (page) => {
      await tab('Changes')(page);
      await expect(sidebar(page).getByTestId('change-inspector')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'raw yaml (server)',
    open: async (page) => {
      await node(page, 'prom-eu-1').locator('.pt-node-name').click();
      await tab('Raw YAML')(page);
      await monacoShown(page);
    },
  },
  paletteView(true),
  paletteView(false),
  dialog('Open topology', (page) => new FilePage(page).menu('Open…')),
  dialog('New from template', (page) => new FilePage(page).menu('New from Template…')),
  dialog('Save topology as', (page) => new FilePage(page).menu('Save As…')),
  dialog('Import Prometheus configs', (page) => new FilePage(page).menu('Import…')),
  dialog('Import from a running server', (page) => new FilePage(page).menu('Import from Server…')),
  dialog('Keyboard shortcuts', async (page) => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
  }),
];

/** The serious and critical violations of the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ').trim()})`));
}

for (const theme of ['light', 'dark'] as const) {
  test(`every view in the ${theme} theme has no serious or critical accessibility violation`, async ({ page }) => {
    mkdirSync(VIEWS_DIR, { recursive: true });
    await page.emulateMedia({ colorScheme: theme });
    const found: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto('/');
      await expect(page.locator('.react-flow__node')).toHaveCount(builtInExampleNodeCount());
      await expect(page.locator('.react-flow__node').last()).toBeVisible();
      await expect(page.locator('.pt-app')).toHaveAttribute('data-theme', theme);
      for (const view of VIEWS) {
        await view.open(page);
        await page.screenshot({ path: join(VIEWS_DIR, `${size.width}x${size.height}-${theme}-${view.name.replace(/[^a-z0-9]+/gi, '-')}.png`) });
        // axe once per view and theme (the rules do not depend on the window size).
        if (size === SIZES[0]) for (const v of await seriousViolations(page)) found.push(`${view.name}: ${v}`);
        await view.close?.(page);
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
