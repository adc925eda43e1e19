/** The Inspector tab of the sidebar: fields of the selected node or edge, found by their labels. */
import type { Locator, Page } from '@playwright/test';
import { openSidebarTab } from './sidebar.ts';

export class InspectorPage {
  constructor(readonly page: Page) {}

  async open(): Promise<Locator> {
    return openSidebarTab(this.page, 'Inspector');
  }

  /** A form field by its visible label. */
  async field(label: string | RegExp): Promise<Locator> {
    return (await this.open()).getByLabel(label);
  }
}
