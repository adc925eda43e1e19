// The native menu against the renderer: every command id the menu sends exists in the renderer (a
// registered command in app/, or one of the menu-only ids handled by app/host/menuRouting.ts).
// electron/ may not import app/, so the renderer's ids are read from its source text.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PANELS, menuCommandIds, menuTemplate } from './menuTemplate.ts';
import type { MenuEntry } from './menuTemplate.ts';

const appDir = fileURLToPath(new URL('../../app', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

/** Command ids defined in the renderer: `id: 'x.y'` in command lists, plus the menu router's ids. */
function rendererCommandIds(): Set<string> {
  const ids = new Set<string>();
  for (const text of sources(appDir)) {
    for (const m of text.matchAll(/\bid:\s*'([a-z]+\.[A-Za-z.]+)'/g)) ids.add(m[1]!);
  }
  const router = readFileSync(join(appDir, 'host/menuRouting.ts'), 'utf8');
  for (const m of router.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) ids.add(m[1]!);
  return ids;
}

/** Sidebar tab ids contributed by slots (`id: 'problems', slot: 'sidebar'`), plus the built-in inspector. */
function sidebarTabIds(): Set<string> {
  const ids = new Set<string>(['inspector']);
  for (const text of sources(appDir)) {
    for (const m of text.matchAll(/id:\s*'([a-z-]+)',\s*slot:\s*'sidebar'/g)) ids.add(m[1]!);
  }
  return ids;
}

function labels(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'command' || e.kind === 'main' || e.kind === 'submenu' || e.kind === 'disabled' ? [e.label] : []));
}

const template = menuTemplate({ recentFiles: ['/home/u/a.promtopo.json'], developer: false });

describe('menu template', () => {
  it('has the File, Edit, View and Help items of the issue', () => {
    const byMenu = Object.fromEntries(template.map((s) => [s.label.replace('&', ''), labels(s.entries)]));
    expect(byMenu.File).toEqual(expect.arrayContaining(['New', 'New from Template…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import…', 'Export Bundle…']));
    expect(byMenu.Edit).toEqual(expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Duplicate', 'Delete', 'Select All']));
    expect(byMenu.View).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Fit View', 'Panels', 'Toggle Light/Dark Theme']));
    expect(byMenu.Help).toEqual(expect.arrayContaining(['Keyboard Shortcuts', 'About PromTopo']));
  });

  it('sends only command ids the renderer knows', () => {
    const known = rendererCommandIds();
    const missing = menuCommandIds(template).filter((id) => !known.has(id));
    expect(missing).toEqual([]);
  });

  it('shows only sidebar panels that exist', () => {
    const tabs = sidebarTabIds();
    expect(PANELS.map(([id]) => id).filter((id) => !tabs.has(id))).toEqual([]);
  });

  it('lists recent files as file.openRecent with the path, or a disabled line', () => {
    const recent = (t: typeof template) => t[0]!.entries.find((e) => e.kind === 'submenu' && e.label === 'Open Recent');
    expect(recent(template)).toEqual({ kind: 'submenu', label: 'Open Recent', entries: [{ kind: 'command', id: 'file.openRecent', label: '/home/u/a.promtopo.json', argument: '/home/u/a.promtopo.json' }] });
    expect(recent(menuTemplate({ recentFiles: [], developer: false }))).toMatchObject({ entries: [{ kind: 'disabled', label: 'No Recent Files' }] });
  });

  it('gives no two items the same accelerator', () => {
    const accelerators: string[] = [];
    const visit = (entries: readonly MenuEntry[]) => entries.forEach((e) => {
      if ((e.kind === 'command' || e.kind === 'main') && e.accelerator) accelerators.push(e.accelerator);
      if (e.kind === 'submenu') visit(e.entries);
    });
    template.forEach((s) => visit(s.entries));
    expect(accelerators.length).toBeGreaterThan(15);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('offers developer tools only in development', () => {
    const view = (dev: boolean) => labels(menuTemplate({ recentFiles: [], developer: dev })[2]!.entries);
    expect(view(false)).not.toContain('Toggle Developer Tools');
    expect(view(true)).toContain('Toggle Developer Tools');
  });
});
