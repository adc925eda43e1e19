/** Browser-mode "Compare with file...": the path of the file to compare with (Electron uses the native dialog). */
import { useState } from 'react';
import { Modal } from '../shared/Modal.tsx';
import { compareWithFileAt } from './compareActions.ts';
import { compareStore, useCompareState } from './compareState.ts';

function close(): void {
  compareStore.setState({ asking: false });
}

export function CompareDialog() {
  const asking = useCompareState((s) => s.asking);
  const [path, setPath] = useState('');
  if (!asking) return null;
  const submit = () => {
    if (!path.trim()) return;
    close();
    void compareWithFileAt(path.trim());
  };
  return (
    <Modal
      title="Compare with file"
      onClose={close}
      testId="compare-dialog"
      actions={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="ptp-compare-form" className="ptp-primary" disabled={!path.trim()}>
            Compare
          </button>
        </>
      }
    >
      <form
        id="ptp-compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="ptp-field-label">
          <span>
            Path of a <code>.promtopo.json</code> file to compare the open design with (the file is the
            &quot;before&quot;, this design the &quot;after&quot;)
          </span>
          <input type="text" data-autofocus name="path" value={path} spellCheck={false} placeholder="/home/me/topologies/multi-dc.promtopo.json" onChange={(e) => setPath(e.target.value)} />
        </label>
      </form>
    </Modal>
  );
}
