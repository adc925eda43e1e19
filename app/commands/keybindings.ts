/**
 * Matching keyboard events against Electron-style accelerators (`CmdOrCtrl+Shift+Z`, `Delete`, `?`).
 * `CmdOrCtrl` is Meta on macOS and Ctrl elsewhere.
 */

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyStroke {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const keyAliases: Record<string, string> = { plus: '+', esc: 'escape', del: 'delete', '=': '=', '-': '-' };

/** True when the stroke is the accelerator. A single printable character ignores Shift (`?`). */
export function matchesAccelerator(accelerator: string, e: KeyStroke, isMac = false): boolean {
  const parts = accelerator.split('+').map((p) => p.trim().toLowerCase());
  // `CmdOrCtrl++` splits into ['cmdorctrl', '', ''].
  let key = parts.pop() ?? '';
  if (key === '' && parts.at(-1) === '') {
    parts.pop();
    key = '+';
  }
  key = keyAliases[key] ?? key;
  const want = { ctrl: false, meta: false, shift: false, alt: false };
  for (const p of parts) {
    if (p === 'cmdorctrl' || p === 'commandorcontrol') {
      if (isMac) want.meta = true;
      else want.ctrl = true;
    } else if (p === 'ctrl' || p === 'control') want.ctrl = true;
    else if (p === 'cmd' || p === 'command' || p === 'meta') want.meta = true;
    else if (p === 'shift') want.shift = true;
    else if (p === 'alt' || p === 'option') want.alt = true;
  }
  const pressed = e.key.toLowerCase();
  const printableAlone = parts.length === 0 && key.length === 1 && !/[a-z0-9]/.test(key);
  if (printableAlone) return pressed === key && !e.ctrlKey && !e.metaKey && !e.altKey;
  // Shift+1 arrives as key '!' on US layouts: compare digits by code-independent fallback.
  const keyMatches = pressed === key || (want.shift && /^[0-9]$/.test(key) && shiftedDigits[key] === e.key);
  return keyMatches && e.ctrlKey === want.ctrl && e.metaKey === want.meta && e.shiftKey === want.shift && e.altKey === want.alt;
}

const shiftedDigits: Record<string, string> = { '1': '!', '2': '@', '3': '#', '4': '$', '5': '%', '6': '^', '7': '&', '8': '*', '9': '(', '0': ')' };

/** Accelerator as shown to users on this platform: `Ctrl+Shift+Z`, `⌘⇧Z`. */
export function formatAccelerator(accelerator: string, isMac = false): string {
  return accelerator
    .split('+')
    .map((p) => (p === 'CmdOrCtrl' ? (isMac ? '⌘' : 'Ctrl') : p))
    .join(isMac ? '' : '+');
}

/** True when the event's target is a text field or Monaco: shortcuts must leave those keys alone. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}
