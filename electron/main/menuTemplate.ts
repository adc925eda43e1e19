/**
 * The native menu as plain data (no `electron` import): File, Edit, View, Help. Every command item
 * carries a renderer command id (app/commands, dotted: `edit.undo`) that main sends to the page;
 * the page decides (its history, or Monaco's when an editor has focus). Accelerators are shown but
 * not registered (`registerAccelerator: false` in main.ts): the page's own shortcut handler runs the
 * keys in both faces, so a key never runs a command twice.
 */

export type MenuEntry =
  | { readonly kind: 'command'; readonly id: string; readonly label: string; readonly accelerator?: string; readonly argument?: string }
  | { readonly kind: 'submenu'; readonly label: string; readonly entries: readonly MenuEntry[] }
  | { readonly kind: 'separator' }
  | { readonly kind: 'disabled'; readonly label: string }
  /** Handled in the main process: the About box, Quit, full screen, developer tools. */
  | { readonly kind: 'main'; readonly action: 'about' | 'quit' | 'togglefullscreen' | 'toggleDevTools'; readonly label: string; readonly accelerator?: string };

export interface MenuSection {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

/** Sidebar tabs the View menu can show (ids of the sidebar slots). */
export const PANELS: readonly (readonly [id: string, label: string])[] = [
  ['inspector', 'Inspector'],
  ['problems', 'Problems'],
  ['load', 'Load'],
  ['export', 'Export'],
  ['config', 'Config Preview'],
  ['changes', 'Changes'],
  ['raw-yaml', 'Raw YAML'],
];

const sep: MenuEntry = { kind: 'separator' };

function cmd(id: string, label: string, accelerator?: string): MenuEntry {
  return accelerator ? { kind: 'command', id, label, accelerator } : { kind: 'command', id, label };
}

function recentEntries(recentFiles: readonly string[]): MenuEntry[] {
  if (recentFiles.length === 0) return [{ kind: 'disabled', label: 'No Recent Files' }];
  return recentFiles.map((path) => ({ kind: 'command', id: 'file.openRecent', label: path, argument: path }));
}

export function menuTemplate(options: { readonly recentFiles: readonly string[]; readonly developer: boolean }): MenuSection[] {
  return [
    {
      label: '&File',
      entries: [
        cmd('file.new', 'New', 'CmdOrCtrl+N'),
        cmd('file.newFromTemplate', 'New from Template…'),
        cmd('file.open', 'Open…', 'CmdOrCtrl+O'),
        { kind: 'submenu', label: 'Open Recent', entries: recentEntries(options.recentFiles) },
        sep,
        cmd('file.save', 'Save', 'CmdOrCtrl+S'),
        cmd('file.saveAs', 'Save As…', 'CmdOrCtrl+Shift+S'),
        sep,
        cmd('file.import', 'Import…', 'CmdOrCtrl+I'),
        cmd('file.importFromServer', 'Import from Server…'),
        cmd('file.export', 'Export Bundle…', 'CmdOrCtrl+E'),
        sep,
        cmd('file.compare', 'Compare with File…'),
        sep,
        { kind: 'main', action: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      entries: [
        cmd('edit.undo', 'Undo', 'CmdOrCtrl+Z'),
        cmd('edit.redo', 'Redo', 'CmdOrCtrl+Shift+Z'),
        sep,
        cmd('edit.cut', 'Cut', 'CmdOrCtrl+X'),
        cmd('edit.copy', 'Copy', 'CmdOrCtrl+C'),
        cmd('edit.paste', 'Paste', 'CmdOrCtrl+V'),
        cmd('edit.duplicate', 'Duplicate', 'CmdOrCtrl+D'),
        cmd('edit.delete', 'Delete', 'Delete'),
        sep,
        cmd('edit.selectAll', 'Select All', 'CmdOrCtrl+A'),
        cmd('edit.selectUpstream', 'Select Upstream', 'Shift+U'),
        cmd('edit.selectDownstream', 'Select Downstream', 'Shift+D'),
      ],
    },
    {
      label: '&View',
      entries: [
        cmd('view.zoomIn', 'Zoom In', 'CmdOrCtrl+='),
        cmd('view.zoomOut', 'Zoom Out', 'CmdOrCtrl+-'),
        cmd('view.fit', 'Fit View', 'Shift+1'),
        cmd('layout.auto', 'Auto Layout', 'CmdOrCtrl+Shift+L'),
        sep,
        {
          kind: 'submenu',
          label: 'Panels',
          entries: PANELS.map(([id, label]) => ({ kind: 'command', id: 'view.showPanel', label, argument: id })),
        },
        sep,
        cmd('view.toggleTheme', 'Toggle Light/Dark Theme'),
        cmd('view.themeSystem', 'Follow System Theme'),
        sep,
        { kind: 'main', action: 'togglefullscreen', label: 'Toggle Full Screen', accelerator: 'F11' },
        ...(options.developer ? [{ kind: 'main', action: 'toggleDevTools', label: 'Toggle Developer Tools', accelerator: 'CmdOrCtrl+Shift+I' } as const] : []),
      ],
    },
    {
      label: '&Help',
      entries: [cmd('help.shortcuts', 'Keyboard Shortcuts', '?'), sep, { kind: 'main', action: 'about', label: 'About PromTopo' }],
    },
  ];
}

/** Every command id the template can send (for the contract test with the renderer's registry). */
export function menuCommandIds(sections: readonly MenuSection[]): string[] {
  const ids = new Set<string>();
  const visit = (entries: readonly MenuEntry[]) => {
    for (const e of entries) {
      if (e.kind === 'command') ids.add(e.id);
      else if (e.kind === 'submenu') visit(e.entries);
    }
  };
  for (const s of sections) visit(s.entries);
  return [...ids].sort();
}
