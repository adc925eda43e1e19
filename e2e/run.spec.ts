// Run locally from the toolbar on the built-in multi-dc example, in browser mode: the cards show each
// server up with measured series and samples/s beside the prediction, edges their measured samples/s;
// Stop ends every process of the run (checked by the pids of the run's pid file).
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';

test.setTimeout(180_000);

/** Default folder of the runs' pid files (electron/services/run/pidFiles.ts). */
const RUNS = join(tmpdir(), 'promtopo-runs');

interface PidFile { owner: number; dir: string; processes: { pid: number }[] }

/** Pid files of runs owned by a process of this checkout (the browser-mode server under test). */
function ownRuns(): Map<string, PidFile> {
  const out = new Map<string, PidFile>();
  if (!existsSync(RUNS)) return out;
  for (const name of readdirSync(RUNS).filter((f) => f.endsWith('.json'))) {
    try {
      const file = JSON.parse(readFileSync(join(RUNS, name), 'utf8')) as PidFile;
      if (readlinkSync(`/proc/${file.owner}/cwd`) === process.cwd()) out.set(name, file);
    } catch {
      // another checkout's run, or one that just ended
    }
  }
  return out;
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

test('Run locally shows measured beside predicted on the cards and edges; Stop leaves no process', async ({ page, canvas, shot }) => {
  await page.goto('/');
  await canvas.waitForNodes(5);
  const before = new Set(ownRuns().keys());

  await page.getByRole('button', { name: 'Run locally' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('6 of 6 instances up', { timeout: 90_000 });

  const global = page.getByTestId('node-prom-global');
  await expect(global.getByTestId('run-badges').locator('[data-metric="up"]')).toHaveText('up 1/1');
  await expect(global.locator('[data-metric="run-series"]')).toHaveText(/^\d+ series [+-]\d+\.\d%$/, { timeout: 60_000 });
  await expect(global.locator('[data-metric="run-samples"]')).toHaveText(/^[\d.]+\/s [+-]\d+\.\d%$/);
  await expect(page.getByTestId('node-prom-eu-1').locator('[data-metric="up"]')).toHaveText('up 2/2');
  await expect(page.locator('[data-testid^="edge-run-"]').first()).toHaveText(/run [\d.]+k?\/s [+-]\d+\.\d%/, { timeout: 30_000 });
  await shot('run-locally');

  const runs = [...ownRuns().entries()].filter(([name]) => !before.has(name));
  expect(runs).toHaveLength(1);
  const pids = runs[0]?.[1].processes.map((p) => p.pid) ?? [];
  // 6 Prometheus, 3 Alertmanager, 13 node_exporter processes.
  expect(pids).toHaveLength(22);
  for (const pid of pids) expect(groupExists(pid)).toBe(true);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Run locally' })).toBeVisible({ timeout: 30_000 });
  await expect(global.getByTestId('run-badges')).toHaveCount(0);
  for (const pid of pids) expect(groupExists(pid), `pid ${pid}`).toBe(false);
  expect(ownRuns().has(runs[0]?.[0] ?? '')).toBe(false);
});
