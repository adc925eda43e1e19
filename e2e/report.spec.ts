// The capacity report written by `promtopo report`, looked at in Chromium: it makes no request at all
// (every non-local one would be blocked and fail the test), escapes what the user typed, shows every
// section at 1600x1000 and 1280x720 (screenshots under e2e/artifacts/), and prints to a multi-page PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTIFACTS_DIR, expect, test } from './support/fixtures.ts';

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'promtopo-report-'));
});
test.afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const HOSTILE_NAME = 'Multi-DC <script>window.pwned=1</script> & <b>co</b>';

/** The multi-dc example under a name full of markup, reported by the real CLI. */
function writeReport(): string {
  const doc = JSON.parse(readFileSync(join('assets', 'examples', 'multi-dc.promtopo.json'), 'utf8')) as Record<string, unknown>;
  const input = join(work, 'design.promtopo.json');
  writeFileSync(input, JSON.stringify({ ...doc, name: HOSTILE_NAME }));
  const out = join(work, 'report.html');
  execFileSync(process.execPath, [resolve('bin/promtopo.mjs'), 'report', input, '--out', out], { encoding: 'utf8' });
  return readFileSync(out, 'utf8');
}

test('the report renders offline, escapes names, reads at two window sizes and prints to PDF', async ({ page }) => {
  const html = writeReport();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.setContent(html, { waitUntil: 'load' });

  // Escaped: the title shows the markup as text, and no script ran or exists.
  await expect(page).toHaveTitle(`Capacity report: ${HOSTILE_NAME}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Capacity report: ${HOSTILE_NAME}`);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();

  const sections = ['Diagram', 'Load against machine size', 'Bottlenecks', 'Machine sizes', 'Scenarios side by side', 'Assumptions and their sources', 'Files of the bundle'];
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(sections);
  const example = JSON.parse(readFileSync(join('assets', 'examples', 'multi-dc.promtopo.json'), 'utf8')) as { nodes: { name: string; kind: string }[] };
  const svg = page.getByRole('img', { name: /Diagram of/ });
  await expect(svg.locator('g')).toHaveCount(example.nodes.length);
  const servers = example.nodes.filter((n) => n.kind === 'prometheus').map((n) => n.name);
  await expect(page.locator('#load tbody tr')).toHaveCount(servers.length);
  await expect(page.locator('#scenarios thead th')).toHaveText(['Server', 'As designed', '+50% targets', 'retention 30d']);
  // Machine sizes come from the capacity model: each server's needed size; the presets have no price.
  const firstMachine = page.locator('#machines tbody tr').first().locator('td');
  await expect(firstMachine.nth(0)).toHaveText(/^[\w-]+ \(\d+ vCPU, \d+ GiB RAM, \d+ GiB disk\)$/);
  await expect(firstMachine.nth(2)).toContainText(/(CPU|RAM|disk|network)/);
  await expect(firstMachine.nth(3)).toHaveText('not set');
  await expect(page.locator('#load thead th').last()).toHaveText('Machine size');
  await expect(page.locator('#bundle .files li').filter({ hasText: 'prometheus.yml' }).first()).toBeVisible();

  // Nothing sticks out sideways at either size.
  for (const [width, height] of [[1600, 1000], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow, `horizontal overflow at ${width}x${height}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, `report-${width}x${height}.png`), fullPage: true });
  }

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS_DIR, 'report.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);

  expect(requests, 'the report is self-contained: it requests nothing').toEqual([]);
});
