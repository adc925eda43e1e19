// The end-to-end harness itself: what fails a test must really be seen. A page error, a console
// error and a failed request are each recorded by the `pageProblems` fixture (which fails any test
// that did not declare them expected).
import { expect, test } from './support/fixtures.ts';

test('the harness records page errors, console errors and failed requests', async ({ page, canvas, pageProblems }) => {
  await page.goto('/');
  await canvas.waitForNodes(2);
  expect(pageProblems.unexpected()).toEqual([]);

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('harness probe: uncaught');
    });
    console.error('harness probe: console error');
    void fetch('/harness-probe-missing.txt');
  });
  await expect.poll(() => pageProblems.all.map((p) => p.kind).sort()).toEqual(
    // The 404 is seen twice: as the failed response and as Chromium's console line about it.
    ['console error', 'console error', 'failed request', 'page error'],
  );
  expect(pageProblems.all.map((p) => `${p.kind}: ${p.text}`)).toEqual(expect.arrayContaining([
    'page error: Error: harness probe: uncaught',
    expect.stringMatching(/^console error: harness probe: console error/),
    expect.stringMatching(/^failed request: GET http:\/\/127\.0\.0\.1:\d+\/harness-probe-missing\.txt answered HTTP 404$/),
  ]));
  pageProblems.allow(/harness probe|harness-probe-missing/);
  expect(pageProblems.unexpected()).toEqual([]);
});
