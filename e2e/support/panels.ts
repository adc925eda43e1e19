/**
 * Page objects for the panels: the File menu and its dialogs, the Export, Load and
 * Problems tabs, the status bar counts. Specs drive the app through these, as a user would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openSidebarTab } from './pages/sidebar.ts';

export type FileMenuItem = 'New' | 'New from Template…' | 'Open…' | 'Save' | 'Save As…' | 'Import…' | 'Import from Server…' | 'Export Bundle…' | 'Compare with File…';

/** The File menu in the toolbar and the document dialogs it opens. */
export class FilePage {
  constructor(readonly page: Page) {}

  async menu(item: FileMenuItem): Promise<void> {
    await this.page.getByRole('button', { name: 'File ▾' }).click();
    await this.page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item, exact: true }).click();
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** File > Open…, typing `path` in the browser-mode dialog. */
  async open(path: string): Promise<void> {
    await this.menu('Open…');
    const dialog = this.dialog('Open topology');
    await dialog.getByLabel(/Path of a/).fill(path);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** File > Save As…, typing `path`. */
  async saveAs(path: string): Promise<void> {
    await this.menu('Save As…');
    const dialog = this.dialog('Save topology as');
    await dialog.getByLabel(/File path/).fill(path);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** File > New from Template…, picking the example whose name contains `name`. */
  async newFromTemplate(name: string | RegExp): Promise<void> {
    await this.menu('New from Template…');
    const dialog = this.dialog('New from template');
    await dialog.getByRole('button', { name }).first().click();
    await expect(dialog).toBeHidden();
  }

  /** The dialog that explains why a file did not open (or save, or import). */
  get problemsDialog(): Locator {
    return this.page.getByTestId('file-problems-dialog');
  }
}

/** The Export tab. */
export class ExportPanelPage {
  constructor(readonly page: Page) {}

  async open(): Promise<Locator> {
    return openSidebarTab(this.page, 'Export');
  }

  async exportTo(dir: string): Promise<Locator> {
    const panel = await this.open();
    await panel.getByLabel('Output folder').fill(dir);
    await panel.getByRole('button', { name: 'Export bundle' }).click();
    const result = panel.getByTestId('export-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    return result;
  }
}

/** The Load tab: table rows by server name. */
export class LoadPanelPage {
  constructor(readonly page: Page) {}

  async open(): Promise<Locator> {
    return openSidebarTab(this.page, 'Load');
  }

  /** One table cell of a server (`activeSeries`, `samplesPerSecond`, `memoryBytes`, ...). */
  async cell(server: string, column: string): Promise<Locator> {
    const panel = await this.open();
    return panel.locator(`tr[data-server-name="${server}"] td[data-column="${column}"]`);
  }
}

/** The error / warning / info counts in the status bar. */
export function problemCounts(page: Page): Locator {
  return page.getByTestId('problem-counts');
}
