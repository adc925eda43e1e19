/** The React Flow canvas: nodes by name, edges by id, the pane. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class CanvasPage {
  readonly root: Locator;
  readonly pane: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('.react-flow');
    this.pane = page.locator('.react-flow__pane');
    this.nodes = page.locator('.react-flow__node');
    this.edges = page.locator('.react-flow__edge');
  }

  /** The card of the node named `name` (as shown on the canvas). */
  node(name: string): Locator {
    return this.page.getByTestId(`node-${name}`);
  }

  /** Waits until React Flow has measured and shown at least `count` nodes. */
  async waitForNodes(count = 1): Promise<void> {
    await expect(this.nodes.nth(count - 1)).toBeVisible();
  }

  async selectNode(name: string): Promise<void> {
    await this.node(name).click();
  }
}
