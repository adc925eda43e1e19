// Browser mode's session token, the way a user meets it: the printed URL carries it in the fragment,
// the page drops it from the address bar and keeps working after a reload; a page without it gets
// no answer from the API. A context of its own (no token handed in by the fixtures).
import type { Browser, BrowserContext } from '@playwright/test';
import { apiToken, expect, isLocalUrl, test } from './support/fixtures.ts';

async function bareContext(browser: Browser, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    if (isLocalUrl(route.request().url())) return route.continue();
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return context;
}

test('the printed URL opens the app, the token leaves the address bar and a reload still works', async ({ browser, baseURL }) => {
  const blocked: string[] = [];
  const context = await bareContext(browser, blocked);
  const page = await context.newPage();
  await page.goto(`${baseURL}#token=${apiToken()}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(page.url()).not.toContain('token');
  expect(page.url()).not.toContain(apiToken());
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const answer = await page.evaluate(async () => (await fetch('/api/hostInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  expect(answer, 'a call without the header is refused even from the page').toBe(401);
  await context.close();
  expect(blocked).toEqual([]);
});

test('a page opened without the token gets nothing from the API', async ({ browser, baseURL }) => {
  const blocked: string[] = [];
  const context = await bareContext(browser, blocked);
  const page = await context.newPage();
  const statuses: number[] = [];
  page.on('response', (r) => { if (r.url().includes('/api/')) statuses.push(r.status()); });
  await page.goto(baseURL!);
  await expect.poll(() => statuses.length).toBeGreaterThan(0);
  expect(statuses.every((s) => s === 401)).toBe(true);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await context.close();
  expect(blocked).toEqual([]);
});
