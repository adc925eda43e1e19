// A server's address as a user meets it in the inspector: it follows renames (one undo step brings
// name and address back), HA replicas get hosts of their own under their own heading, and the
// self-scrape switch is on for a new server and reaches its prometheus.yml.
import { connectNodes, shortcut } from './support/canvasActions.ts';
import { expect, test } from './support/fixtures.ts';

test.setTimeout(120_000);

test('rename a leaf: its address and the global\'s federation target follow; one undo restores both', async ({ page, canvas, palette, inspector, editors, shot }) => {
  await page.goto('/');
  await canvas.waitForNodes(2);
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await shortcut(page, 'Control+a');
  await shortcut(page, 'Delete');
  await expect(canvas.nodes).toHaveCount(0);
  await palette.dropOnCanvas('Leaf Prometheus', { x: 200, y: 250 });
  await palette.dropOnCanvas('Global Prometheus', { x: 600, y: 250 });
  await connectNodes(page, 'leaf', 'global');
  await expect(canvas.edges).toHaveCount(1);

  await canvas.selectNode('leaf');
  await expect(await inspector.field(/^Address$/)).toHaveValue('leaf:9090');
  await expect(await inspector.field('Derive the address from the name')).toBeChecked();
  await expect(await inspector.field('Scrape its own /metrics (job prometheus)')).toBeChecked();
  const name = await inspector.field(/^Name$/);
  await name.fill('leaf-eu');
  await name.press('Enter');
  await expect(await inspector.field(/^Address$/)).toHaveValue('leaf-eu:9090');

  await canvas.selectNode('global');
  const preview = await editors.openConfigPreview();
  await expect.poll(() => editors.visibleText(preview)).toContain("leaf-eu:9090");
  await expect.poll(() => editors.visibleText(preview)).toContain('job_name: prometheus');

  await shortcut(page, 'Control+z');
  await canvas.selectNode('leaf');
  await expect(await inspector.field(/^Name$/)).toHaveValue('leaf');
  await expect(await inspector.field(/^Address$/)).toHaveValue('leaf:9090');

  // HA: the instance addresses have their own heading and derive a host per replica.
  await (await inspector.field('Run as an HA group (identical replicas)')).check();
  const panel = await inspector.open();
  await expect(panel.getByRole('heading', { name: 'Instance addresses' })).toBeVisible();
  await expect(await inspector.field('Instance addresses (one per line, optional)')).toHaveAttribute('placeholder', 'leaf-a:9090\nleaf-b:9090');
  await shot('inspector-instance-addresses');

  // An address typed by the user no longer follows the name; the replicas then share its host.
  const address = await inspector.field(/^Address$/);
  await address.fill('127.0.0.1:9090');
  await address.press('Enter');
  await expect(await inspector.field('Derive the address from the name')).not.toBeChecked();
  await expect(panel.locator('[data-code="ha/shared-host"]').first()).toBeVisible();
});
