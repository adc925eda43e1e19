/**
 * Compare with file...: pick a topology file (the native dialog in Electron, a path in the page in
 * browser mode), read it through the host, and show what differs from the open design in the
 * Compare tab. A file that cannot be read or is not a topology is shown with its diagnostics.
 */
import { parseTopology } from '../../../src/model/document.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { host } from '../../host/host.ts';
import { designerStore } from '../../store/useDesigner.ts';
import { showProblems } from '../documents/dialogState.ts';
import { baseName } from '../documents/paths.ts';
import { compareStore } from './compareState.ts';

/** Id of the Compare tab (the sidebar slot and `view.sidebarTab`). */
export const COMPARE_TAB = 'compare';

function fileError(path: string, message: string): Diagnostic {
  return { code: 'file/unreadable', severity: 'error', message: `${path}: ${message}`, at: { file: path } };
}

/** Reads `path` and compares the open design with it; true when the comparison is shown. */
export async function compareWithFileAt(path: string): Promise<boolean> {
  const title = `Cannot compare with ${baseName(path)}`;
  try {
    const res = await host.call('openDocument', { path });
    if (!res.ok || res.text === undefined) {
      showProblems(title, res.diagnostics.length ? res.diagnostics : [fileError(path, 'the file could not be read')]);
      return false;
    }
    const parsed = parseTopology(res.text, path);
    if (!parsed.ok) {
      showProblems(`${title}: not a valid PromTopo document`, parsed.diagnostics);
      return false;
    }
    compareStore.setState({ comparison: { path: res.path || path, topology: parsed.topology }, asking: false });
    designerStore.getState().setView({ sidebarTab: COMPARE_TAB });
    designerStore.getState().notify(`Compared with ${res.path || path}`, 'success');
    return true;
  } catch (e) {
    showProblems(title, [fileError(path, e instanceof Error ? e.message : String(e))]);
    return false;
  }
}

/** File > Compare with file...: the native dialog in Electron, the in-page path dialog in browser mode. */
export async function compareWithFileInteractive(): Promise<boolean> {
  if (!host.nativeDialogs) {
    compareStore.setState({ asking: true });
    return false;
  }
  const chosen = await host.call('chooseFile', { purpose: 'open' });
  const path = chosen.paths[0];
  if (!chosen.supported || path === undefined) return false;
  return compareWithFileAt(path);
}

/** Ends the comparison (the Compare tab shows its empty state again). */
export function clearComparison(): void {
  compareStore.setState({ comparison: null });
}
