/**
 * Security settings of the one window and the checks every IPC message and navigation passes.
 * Only types come from `electron` here, so tests run under plain Node.
 */
import type { WebPreferences } from 'electron';

/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
/** The origin of the renderer: `app://promtopo`. */
export const APP_ORIGIN = `${APP_SCHEME}://promtopo`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** webPreferences of the main window: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/**
 * True when an IPC message comes from the app's own page: the sending frame's URL has the app origin
 * (exactly `app://promtopo`, not a look-alike such as `app://promtopo.evil` or `app://promtopo@x`).
 */
export function isTrustedSenderUrl(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'promtopo' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Navigation inside the window is never allowed (the app is a single page; links open nothing). */
export function isAllowedNavigation(_url: string): boolean {
  return false;
}

/** Permission requests (camera, notifications, clipboard-read, ...) are all denied. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
