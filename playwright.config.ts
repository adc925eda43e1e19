// Playwright: the renderer in Debian's Chromium against browser mode, as a user uses it.
// The server port is chosen when this config first loads (in the runner process) and handed to the
// workers through the environment, so several e2e runs on one machine never collide. Settings and
// recent files go to a fresh temp dir (PROMTOPO_CONFIG_DIR), never the user's. The API's session
// token is chosen here too and given to the server (PROMTOPO_WEB_TOKEN) and to the workers
// (PROMTOPO_E2E_TOKEN), so e2e/support/fixtures.ts can hand it to every page and request.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

process.env.PROMTOPO_E2E_PORT ??= String(freePort());
process.env.PROMTOPO_E2E_CONFIG_DIR ??= mkdtempSync(join(tmpdir(), 'promtopo-e2e-config-'));
process.env.PROMTOPO_E2E_TOKEN ??= randomBytes(32).toString('base64url');
const port = Number(process.env.PROMTOPO_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}/`;

/** Debian's Chromium (never `npx playwright install`: its CDN is unreachable here). */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per run (port), so parallel runs by other engineers do not wipe each other's traces.
  outputDir: `e2e/artifacts/runs/${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node scripts/start.mjs --web --port ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    // SIGTERM lets the server remove its private renderer copy (scripts/start.mjs).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PROMTOPO_CONFIG_DIR: process.env.PROMTOPO_E2E_CONFIG_DIR, PORT: String(port), PROMTOPO_WEB_TOKEN: process.env.PROMTOPO_E2E_TOKEN },
  },
});
