// Saving never silently replaces a file: Save As onto an existing file asks first, and so does Save
// when another program rewrote the file since it was opened. Cancel leaves the file as it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyTopology, serializeTopology } from '../src/model/document.ts';
import { FilePage } from './support/panels.ts';
import { expect, test } from './support/fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'promtopo-e2e-conflicts-'));
const theirs = serializeTopology(emptyTopology('Theirs'));

test('Save As onto an existing file asks; Cancel keeps it, Replace writes', async ({ page, canvas }) => {
  const file = new FilePage(page);
  await page.goto('/');
  await canvas.waitForNodes(2);
  const path = join(work, 'taken.promtopo.json');
  writeFileSync(path, theirs);
  await file.saveAs(path);
  const ask = page.getByTestId('confirm-overwrite-dialog');
  await expect(ask).toContainText('already exists');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  expect(readFileSync(path, 'utf8')).toBe(theirs);
  await file.saveAs(path);
  await ask.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByTestId('status-message')).toContainText('Saved');
  expect(readFileSync(path, 'utf8')).not.toBe(theirs);
});

test('Save after another program changed the file asks before replacing it', async ({ page, canvas }) => {
  const file = new FilePage(page);
  const path = join(work, 'shared.promtopo.json');
  writeFileSync(path, serializeTopology(emptyTopology('Mine')));
  await page.goto('/');
  await canvas.waitForNodes(2);
  await file.open(path);
  await expect(page).toHaveTitle(/shared\.promtopo\.json/);
  writeFileSync(path, theirs);
  await canvas.pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+s');
  const ask = page.getByTestId('confirm-overwrite-dialog');
  await expect(ask).toContainText('changed by another program');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(readFileSync(path, 'utf8')).toBe(theirs);
  await page.keyboard.press('Control+s');
  await ask.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByTestId('status-message')).toContainText('Saved');
  expect(readFileSync(path, 'utf8')).toBe(serializeTopology(emptyTopology('Mine')));
});
