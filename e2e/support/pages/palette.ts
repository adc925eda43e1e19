/** The palette: Leaf Prometheus, Global Prometheus, Shard Prometheus, Target group, Alertmanager, Grafana. */
import type { Locator, Page } from '@playwright/test';

export type PaletteItem = 'Leaf Prometheus' | 'Global Prometheus' | 'Shard Prometheus' | 'Target group' | 'Alertmanager' | 'Grafana';

export class PalettePage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('navigation', { name: 'Palette' });
  }

  item(name: PaletteItem): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** Adds a node by click (keyboard/click path). */
  async add(name: PaletteItem): Promise<void> {
    await this.item(name).click();
  }

  /** Drags a palette item onto the canvas pane at `position` (pane coordinates). */
  async dropOnCanvas(name: PaletteItem, position: { x: number; y: number }): Promise<void> {
    await this.item(name).dragTo(this.page.locator('.react-flow__pane'), { targetPosition: position });
  }
}
