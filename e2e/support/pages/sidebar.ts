/** The right sidebar's tabs (Inspector, Problems, Load, Export, Config, ...). */
import type { Locator, Page } from '@playwright/test';

export async function openSidebarTab(page: Page, title: string): Promise<Locator> {
  const sidebar = page.getByRole('complementary', { name: 'Side panels' });
  await sidebar.getByRole('tab', { name: title, exact: true }).click();
  return sidebar.getByRole('tabpanel');
}
