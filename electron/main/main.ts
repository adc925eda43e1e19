/**
 * Electron main process: one window serving the renderer over app://, native menus, dialogs, the
 * validated IPC handlers, window state and the unsaved-changes guard. Bundled by scripts/build.mjs
 * to dist/electron/main.cjs (preload beside it as preload.cjs, renderer in dist/renderer).
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session } from 'electron';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { join, resolve } from 'node:path';
import { MENU_COMMAND_CHANNEL } from '../../src/host-api.ts';
import type { MenuCommand } from '../../src/host-api.ts';
import { createHostHandlers, createNodeHostServices } from '../services/hostHandlers.ts';
import { readSettings, setPreference } from '../services/settings.ts';
import { serveAppRequest } from './appProtocol.ts';
import { registerHostIpc } from './ipc.ts';
import { menuTemplate } from './menuTemplate.ts';
import type { MenuEntry } from './menuTemplate.ts';
import { electronPlatform } from './platform.ts';
import type { DocumentState } from './platform.ts';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedNavigation, isPermissionGranted, secureWebPreferences } from './security.ts';
import { WINDOW_STATE_KEY, formatWindowState, parseWindowState, restoreWindowState } from './windowState.ts';

const here = __dirname; // dist/electron (the bundle is CommonJS)
const rendererDir = resolve(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');
process.env.PROMTOPO_ASSETS_DIR ??= app.isPackaged ? join(process.resourcesPath, 'assets') : resolve(here, '../../assets');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

let mainWindow: BrowserWindow | undefined;
let closeConfirmed = false;
const documentState: DocumentState = { title: 'Untitled', dirty: false };

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function toElectron(entry: MenuEntry): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'disabled':
      return { label: entry.label, enabled: false };
    case 'submenu':
      return { label: entry.label, submenu: entry.entries.map(toElectron) };
    case 'command': {
      const command: MenuCommand = entry.argument === undefined ? { id: entry.id } : { id: entry.id, argument: entry.argument };
      return { label: entry.label, accelerator: entry.accelerator, registerAccelerator: false, click: () => sendMenuCommand(command) };
    }
    case 'main':
      if (entry.action === 'about') return { label: entry.label, click: () => void showAbout() };
      return { label: entry.label, accelerator: entry.accelerator, role: entry.action === 'quit' ? 'quit' : entry.action === 'togglefullscreen' ? 'togglefullscreen' : 'toggleDevTools' };
  }
}

async function rebuildMenu(): Promise<void> {
  const { recentFiles } = await readSettings();
  const sections = menuTemplate({ recentFiles, developer: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(sections.map((s) => ({ label: s.label, submenu: s.entries.map(toElectron) }))));
}

async function showAbout(): Promise<void> {
  const options = { type: 'info' as const, title: 'About PromTopo', message: `PromTopo ${app.getVersion()}`, detail: 'A designer for Prometheus scaling topologies: federation, sharding, HA, with load estimates and validated config bundles.\nElectron ' + process.versions.electron };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => { if (!isAllowedNavigation(url)) e.preventDefault(); });
  contents.on('will-redirect', (e, url) => { if (!isAllowedNavigation(url)) e.preventDefault(); });
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** A `*.promtopo.json` path given on the command line (file association). */
function documentArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => a.endsWith('.promtopo.json'));
}

async function createWindow(): Promise<void> {
  const settings = await readSettings();
  const state = restoreWindowState(parseWindowState(settings.preferences[WINDOW_STATE_KEY]), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'PromTopo',
    backgroundColor: '#1e1f22',
    webPreferences: secureWebPreferences(preloadPath),
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', (e) => {
    const b = win.getNormalBounds();
    void setPreference(WINDOW_STATE_KEY, formatWindowState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() })).catch(() => {});
    if (!documentState.dirty || closeConfirmed) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Cancel', 'Discard Changes'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: `"${documentState.title}" has unsaved changes.`,
      detail: 'Close the window and lose them? Use File > Save first to keep them.',
    });
    if (choice === 1) closeConfirmed = true;
    else e.preventDefault();
  });
  win.on('closed', () => { mainWindow = undefined; });
  const initial = documentArgument(process.argv);
  if (initial) win.webContents.once('did-finish-load', () => sendMenuCommand({ id: 'file.openRecent', argument: resolve(initial) }));
  await win.loadURL(APP_ENTRY_URL);
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_e, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const path = documentArgument(argv);
    if (path) sendMenuCommand({ id: 'file.openRecent', argument: path });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
    const services = createNodeHostServices();
    const remember = services.rememberRecent;
    const handlers = createHostHandlers(
      { ...services, rememberRecent: async (path) => { await remember(path); app.addRecentDocument(path); await rebuildMenu(); } },
      electronPlatform(() => mainWindow, documentState, app.getVersion()),
    );
    registerHostIpc(ipcMain, handlers);
    await rebuildMenu();
    await createWindow();
  });
}

start();
