/**
 * The operating system's clipboard (text only), through the browser's asynchronous Clipboard API in
 * both faces (Electron's renderer and browser mode). Access can be refused (no permission, page not
 * focused, insecure origin): every call then answers with the reason instead of throwing, and the
 * designer keeps working with its own clipboard.
 */

export type ClipboardResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function api(): Clipboard | undefined {
  return typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function writeSystemClipboard(text: string): Promise<ClipboardResult<void>> {
  const clipboard = api();
  if (!clipboard) return { ok: false, reason: 'this window has no clipboard access' };
  try {
    await clipboard.writeText(text);
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

export async function readSystemClipboard(): Promise<ClipboardResult<string>> {
  const clipboard = api();
  if (!clipboard) return { ok: false, reason: 'this window has no clipboard access' };
  try {
    return { ok: true, value: await clipboard.readText() };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}
