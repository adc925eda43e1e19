/** The Problems tab: every diagnostic, grouped by severity. */
import type { Locator, Page } from '@playwright/test';
import { openSidebarTab } from './sidebar.ts';

export class ProblemsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<Locator> {
    return openSidebarTab(this.page, 'Problems');
  }

  /** The list items of the panel whose text matches `text`. */
  async items(text?: string | RegExp): Promise<Locator> {
    const panel = await this.open();
    const items = panel.getByRole('listitem');
    return text === undefined ? items : items.filter({ hasText: text });
  }
}
