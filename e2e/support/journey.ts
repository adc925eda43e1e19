/**
 * The gestures of a user building a design from File > New, found by what the user sees (roles,
 * labels, text): palette buttons, node cards by their name, inspector fields by their label, the File
 * menu. `interrupt` is what people do between two steps without thinking: click the empty canvas,
 * look at another sidebar tab, press a shortcut. Anything a step typed must survive it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import type { PaletteItem } from './pages/palette.ts';
import { FilePage } from './panels.ts';

/**
 * Run in the page: pairs of cards that overlap, cards under the minimap or zoom controls, names that
 * are clipped (by the two-line clamp or the card's width).
 */
const CANVAS_FAULTS = `(() => {
  const cards = [...document.querySelectorAll('.react-flow__node')].map((el) => ({ name: el.querySelector('.pt-node-name')?.textContent ?? '?', r: el.getBoundingClientRect() }));
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const overlapping = [];
  for (let i = 0; i < cards.length; i++) for (let k = i + 1; k < cards.length; k++) if (meet(cards[i].r, cards[k].r)) overlapping.push(cards[i].name + ' / ' + cards[k].name);
  const panels = [...document.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => el.getBoundingClientRect());
  const covered = cards.filter((c) => panels.some((p) => meet(c.r, p))).map((c) => c.name);
  const cut = [...document.querySelectorAll('.pt-node-name')].filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent);
  return { overlapping, covered, cut };
})()`;

/** The sidebar tabs a user flips through, in the order `interrupt` visits them. */
const TAB_ROUND = ['Problems', 'Load', 'Config', 'Export', 'Inspector'] as const;

export class Journey {
  readonly file: FilePage;
  private step = 0;
  constructor(readonly page: Page) {
    this.file = new FilePage(page);
  }

  get sidebar(): Locator {
    return this.page.getByRole('complementary', { name: 'Side panels' });
  }

  /** The canvas card showing the node named `name` (its name is the card's title text). */
  node(name: string): Locator {
    return this.page.locator('.react-flow__node').filter({ has: this.page.locator('.pt-node-name').getByText(name, { exact: true }) });
  }

  /** Starts from File > New (answering "Discard" if the app asks). */
  async fileNew(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
    await this.file.menu('New');
    const discard = this.page.getByRole('button', { name: 'Discard changes' });
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await expect(this.page.locator('.react-flow__node')).toHaveCount(0);
  }

  /** Clicks a palette item (it is added and selected), then renames it in the inspector. */
  async add(item: PaletteItem, name: string, nameLabel = item === 'Target group' ? 'Name (job_name)' : 'Name'): Promise<void> {
    const before = await this.page.locator('.react-flow__node').count();
    await this.page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: item, exact: true }).click();
    await expect(this.page.locator('.react-flow__node')).toHaveCount(before + 1);
    await this.tab('Inspector');
    const field = this.sidebar.getByLabel(nameLabel, { exact: true });
    await field.fill(name);
    await field.press('Enter');
    await expect(this.node(name)).toBeVisible();
  }

  /** Clicks a node's card (selects it) and shows the inspector. */
  async select(name: string): Promise<void> {
    await this.node(name).locator('.pt-node-name').click();
    await this.tab('Inspector');
    await expect(this.sidebar.getByRole('heading', { level: 2 })).toContainText(name);
  }

  /**
   * Drags from `from`'s output handle to `to`'s input handle; the new edge is selected. As a hand
   * does: it waits until the view stops moving (a fit view may still be gliding), aims at the handle it
   * sees (which must be the topmost thing there, not under a panel), presses, moves there in steps,
   * and releases on the input handle.
   */
  async connect(from: string, to: string): Promise<void> {
    const edges = await this.page.locator('.react-flow__edge').count();
    const a = await this.aimAt(this.node(from).locator('.react-flow__handle.source'), `${from}'s output handle`);
    const b = await this.aimAt(this.node(to).locator('.react-flow__handle.target'), `${to}'s input handle`);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 12 });
    await this.page.mouse.up();
    await expect(this.page.locator('.react-flow__edge')).toHaveCount(edges + 1);
  }

  /** The box of `target` once the canvas is still: the same box on three successive frames. */
  async settledBox(target: Locator, what: string): Promise<{ x: number; y: number; width: number; height: number }> {
    await expect(target).toBeVisible();
    let last = '';
    let still = 0;
    for (let i = 0; i < 120; i++) {
      const box = await target.boundingBox();
      if (!box) throw new Error(`${what} has no box on the canvas`);
      const key = JSON.stringify(box);
      still = key === last ? still + 1 : 0;
      if (still === 2) return box;
      last = key;
      await target.evaluate((el) => new Promise((done) => el.ownerDocument.defaultView!.requestAnimationFrame(() => done(null))));
    }
    throw new Error(`${what} never stops moving`);
  }

  /** The centre of `handle` once the canvas is still, checked to be what a pointer there would press. */
  private async aimAt(handle: Locator, what: string): Promise<{ x: number; y: number }> {
    const box = await this.settledBox(handle, what);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const topmost = await handle.evaluate((el, p) => {
      const hit = el.ownerDocument.elementFromPoint(p.x, p.y);
      return hit === el || el.contains(hit) ? '' : (hit?.className.toString() ?? 'nothing');
    }, { x, y });
    if (topmost) throw new Error(`${what} is covered by "${topmost}" where it is drawn`);
    return { x, y };
  }

  /**
   * The canvas as a user sees it after fit view at each window size (1600x1000, 1280x720):
   * screenshots to look at, and what would look broken fails: two cards overlapping, a card under
   * the minimap or the zoom controls, a name cut.
   */
  async lookAtCanvas(shot: (name: string) => Promise<string>, label: string): Promise<void> {
    const before = this.page.viewportSize();
    for (const size of [{ width: 1600, height: 1000 }, { width: 1280, height: 720 }]) {
      await this.page.setViewportSize(size);
      await this.clickEmptyCanvas();
      await this.page.keyboard.press('Shift+!');
      await this.settledBox(this.page.locator('.react-flow__node').last(), 'the last card');
      await shot(`journey-${label}-${size.width}x${size.height}`);
      const seen = await this.page.evaluate(CANVAS_FAULTS);
      expect(seen, `the canvas at ${size.width}x${size.height}`).toEqual({ overlapping: [], covered: [], cut: [] });
    }
    if (before) await this.page.setViewportSize(before);
  }

  async tab(title: string): Promise<Locator> {
    await this.sidebar.getByRole('tab', { name: title, exact: true }).click();
    await expect(this.sidebar.getByRole('tab', { name: title, exact: true })).toHaveAttribute('aria-selected', 'true');
    return this.sidebar.getByRole('tabpanel');
  }

  /** A field of the inspector by its visible label. */
  field(label: string | RegExp): Locator {
    return this.sidebar.getByRole('tabpanel').getByLabel(label, { exact: typeof label === 'string' });
  }

  /** Types into an inspector text field and commits with Enter. */
  async setField(label: string | RegExp, value: string): Promise<void> {
    const field = this.field(label);
    await field.fill(value);
    const multiline = await field.evaluate((el) => el.tagName === 'TEXTAREA');
    await field.press(multiline ? 'Tab' : 'Enter');
  }

  /**
   * What a user does between two steps: clicks the empty canvas (the selection goes), flips through
   * the sidebar tabs, presses shortcuts (Ctrl+E, fit view; the shortcuts sheet opened and closed with
   * Escape).
   * Each call varies the order a little, as people do.
   */
  async interrupt(): Promise<void> {
    this.step += 1;
    await this.clickEmptyCanvas();
    const start = this.step % TAB_ROUND.length;
    for (let i = 0; i < TAB_ROUND.length; i++) {
      const title = TAB_ROUND[(start + i) % TAB_ROUND.length]!;
      const panel = await this.tab(title);
      // A user glances at each tab: the Config preview has shown its file (or said there is none).
      if (title === 'Config') await expect(panel.locator('.monaco-editor .view-lines').or(panel.getByText('Nothing to preview')).first()).toBeVisible({ timeout: 30_000 });
    }
    // Ctrl+E jumps to the Export tab (the bundle is one keystroke away); then back to the inspector.
    await this.page.keyboard.press('ControlOrMeta+e');
    await expect(this.sidebar.getByRole('tab', { name: 'Export', exact: true })).toHaveAttribute('aria-selected', 'true');
    await this.tab('Inspector');
    await this.page.keyboard.press('Shift+!');
    await this.page.keyboard.press('?');
    const sheet = this.page.getByRole('dialog', { name: /keyboard shortcuts/i });
    await expect(sheet).toBeVisible();
    await this.page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  }

  /** Clicks a spot of the canvas pane that no node, edge, control or minimap covers. */
  async clickEmptyCanvas(): Promise<void> {
    const pane = this.page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    for (const [fx, fy] of [[0.02, 0.02], [0.5, 0.02], [0.98, 0.02], [0.02, 0.5]] as const) {
      const x = box.x + box.width * fx;
      const y = box.y + box.height * fy;
      const hit = await this.page.evaluate(`document.elementFromPoint(${x}, ${y})?.classList.contains('react-flow__pane') ?? false`);
      if (hit) {
        await this.page.mouse.click(x, y);
        return;
      }
    }
    throw new Error('no empty spot on the canvas to click');
  }

  /**
   * Presses Tab until `target` has the focus (the keyboard path to a control), failing when it is
   * not reached within `max` presses.
   */
  async tabTo(target: Locator, max = 150): Promise<void> {
    for (let i = 0; i <= max; i++) {
      if (await target.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement).catch(() => false)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`${target} is not reachable with Tab within ${max} presses`);
  }

  /** The federation edge inspector's selector rows, by their accessible group. */
  get selectors(): Locator {
    return this.sidebar.getByRole('group', { name: 'match[] selectors' }).locator('ol > li');
  }

  /** Selects the edge whose label on the canvas contains `text` (the n-th such label). */
  async selectEdgeByLabel(text: string | RegExp, nth = 0): Promise<void> {
    await this.page.locator('.react-flow__edgelabel-renderer').getByText(text).nth(nth).click();
    await this.tab('Inspector');
  }

  async saveAs(path: string): Promise<void> {
    await this.file.saveAs(path);
    await expect(this.unsavedMark).toBeHidden();
  }

  /** Ctrl+S with the focus on the page, then waits for the file to hold what the designer shows. */
  async save(): Promise<void> {
    await this.clickEmptyCanvas();
    await this.page.keyboard.press('ControlOrMeta+s');
    await expect(this.unsavedMark).toBeHidden();
  }

  /** The toolbar's "Unsaved changes" dot. */
  get unsavedMark(): Locator {
    return this.page.getByLabel('Unsaved changes', { exact: true });
  }

  /** Reopens `path` through File > Open… > Recent files (where the recent list lives). */
  async reopenFromRecent(path: string, expectedNodes: number): Promise<void> {
    await this.file.menu('Open…');
    const dialog = this.file.dialog('Open topology');
    await dialog.getByRole('button', { name: new RegExp(path.split('/').at(-1)!.replace(/\./g, '\\.')) }).first().click();
    await expect(dialog).toBeHidden();
    await expect(this.page.locator('.react-flow__node')).toHaveCount(expectedNodes);
  }

  /** Exports the bundle through the Export tab into `dir`; expects success. */
  async exportTo(dir: string): Promise<void> {
    const panel = await this.tab('Export');
    await panel.getByLabel('Output folder').fill(dir);
    const button = panel.getByRole('button', { name: 'Export bundle' });
    if (await button.isDisabled()) throw new Error(`Export is refused: ${await panel.innerText()}`);
    await button.click();
    await expect(panel.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('export-result')).toContainText(/^Wrote \d+ files to /);
  }
}

/** The saved document, read from disk and parsed the way the CLI reads it. */
export function readSaved(path: string): Topology {
  const parsed = parseTopology(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(`${path} does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

/** Polls the file on disk until `check` holds (saves are asynchronous); a failure shows the last mismatch. */
export async function expectSaved(path: string, check: (t: Topology) => void): Promise<Topology> {
  let last: Topology | undefined;
  await expect
    .poll(() => {
      try {
        last = readSaved(path);
        check(last);
        return 'saved as shown';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    }, { message: `${path} holds what the designer shows` })
    .toBe('saved as shown');
  return last!;
}

/** Every file of a bundle folder, relative paths, sorted. */
export function bundleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs the real `promtool check config` on the files; returns its output (throws on failure). */
export function promtoolCheck(files: readonly string[]): string {
  try {
    return execFileSync('promtool', ['check', 'config', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`promtool check config failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}
