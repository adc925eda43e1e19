/** Browser-mode Open: a path field and the recent files (Electron uses the native dialog instead). */
import { useEffect, useState } from 'react';
import { host } from '../../host/host.ts';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from './dialogState.ts';
import { openDocumentAt } from './documentActions.ts';
import { baseName, dirName } from './paths.ts';

export function OpenDialog() {
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    host
      .call('recentFiles', {})
      .then((res) => live && setRecent(res.paths))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, []);

  async function open(target: string) {
    if (!target.trim()) return;
    setBusy(true);
    closeDialog();
    await openDocumentAt(target.trim());
    setBusy(false);
  }

  return (
    <Modal
      title="Open topology"
      onClose={closeDialog}
      testId="open-dialog"
      actions={
        <>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" form="ptp-open-form" className="ptp-primary" disabled={busy || !path.trim()}>
            Open
          </button>
        </>
      }
    >
      <form
        id="ptp-open-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open(path);
        }}
      >
        <label className="ptp-field-label">
          <span>
            Path of a <code>.promtopo.json</code> file on this machine
          </span>
          <input
            type="text"
            data-autofocus
            name="path"
            value={path}
            spellCheck={false}
            placeholder="/home/me/topologies/multi-dc.promtopo.json"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
      </form>
      <h3 className="ptp-panel-heading">Recent files</h3>
      {recent === null ? (
        <p className="ptp-muted">Loading…</p>
      ) : recent.length === 0 ? (
        <p className="ptp-muted">No recent files yet.</p>
      ) : (
        <ul className="ptp-pick-list" data-testid="recent-files">
          {recent.map((p) => (
            <li key={p}>
              <button type="button" title={p} onClick={() => void open(p)}>
                <span className="ptp-pick-name">{baseName(p)}</span>
                <span className="ptp-pick-detail">{dirName(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
