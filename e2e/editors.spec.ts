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

  // Delete the target group on the canvas: its job leaves the server's config.
  await canvas.selectNode('node-eu');
  await expect(pane).toHaveAttribute('data-file', /prom-eu-1-a\/prometheus\.yml$/);
  await page.keyboard.press('Delete');
  await expect(canvas.node('node-eu')).toHaveCount(0);
  await expect(pane).toHaveAttribute('data-file', /prom-eu-1-a\/prometheus\.yml$/);
  await expect(pane).not.toHaveAttribute('data-jobs', /\bnode-eu\b/);
});
