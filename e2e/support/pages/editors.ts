/**
 * The Monaco panes: Config preview, Changes (diff), Raw YAML (sidebar tabs) and the selector editors
 * of the inspector. Reads text through the DOM Monaco renders (view lines), never through globals.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openSidebarTab } from './sidebar.ts';

export class EditorsPage {
  constructor(readonly page: Page) {}

  async openConfigPreview(): Promise<Locator> {
    await openSidebarTab(this.page, 'Config');
    const pane = this.page.getByTestId('config-preview');
    // The first pane loads Monaco (a few MB) on demand.
    await expect(pane.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
    return pane;
  }

  async openChanges(): Promise<Locator> {
    await openSidebarTab(this.page, 'Changes');
    const pane = this.page.getByTestId('change-inspector');
    await expect(pane).toBeVisible({ timeout: 30_000 });
    return pane;
  }

  async openRawYaml(): Promise<Locator> {
    await openSidebarTab(this.page, 'Raw YAML');
    const pane = this.page.getByTestId('raw-yaml');
    await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    return pane;
  }

  /** The text Monaco shows in `editor` (visible lines; non-breaking spaces normalised). */
  async visibleText(editor: Locator): Promise<string> {
    const text = await editor.locator('.view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Replaces the whole content of a Monaco editor by typing, as a user would. */
  async typeInto(editor: Locator, text: string): Promise<void> {
    await editor.locator('.monaco-editor').first().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text);
  }
}
