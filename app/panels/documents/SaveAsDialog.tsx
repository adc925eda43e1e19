/** Browser-mode Save As: a path field, prefilled with the current file or a name from the document. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toDnsSafeName } from '../../../src/model/names.ts';
import { host } from '../../host/host.ts';
import { designerStore } from '../../store/useDesigner.ts';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from './dialogState.ts';
import { saveDocumentTo } from './documentActions.ts';
import { DOCUMENT_EXTENSION } from './paths.ts';

function suggestedPath(homeDir: string | undefined): string {
  const { filePath, document } = designerStore.getState();
  if (filePath) return filePath;
  const file = `${toDnsSafeName(document.name, 'topology')}${DOCUMENT_EXTENSION}`;
  return homeDir ? `${homeDir.replace(/[\\/]$/, '')}/${file}` : file;
}

/**
 * The field's value once the home folder is known: the better suggestion, unless the user has
 * already touched the field (typed, selected its text): then what they see stays, selection included.
 */
export function pathWithHome(value: string, firstSuggestion: string, homeSuggestion: string, touched: boolean): string {
  return !touched && value === firstSuggestion ? homeSuggestion : value;
}

export function SaveAsDialog() {
  const [path, setPath] = useState(() => suggestedPath(undefined));
  const input = useRef<HTMLInputElement>(null);
  // Any key or pointer in the field: a late suggestion must not replace text the user has worked on.
  const touched = useRef(false);
  const touch = () => {
    touched.current = true;
  };
  // The suggestion that replaced a wholly selected first one: selected again, so typing replaces it.
  const reselect = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (reselect.current !== undefined && reselect.current === path) input.current?.select();
    reselect.current = undefined;
  }, [path]);
  useEffect(() => {
    if (designerStore.getState().filePath) return;
    let live = true;
    host
      .call('hostInfo', {})
      .then((info) => {
        if (!live) return;
        const el = input.current;
        if (!el) return;
        const next = pathWithHome(el.value, suggestedPath(undefined), suggestedPath(info.homeDir), touched.current);
        if (next === el.value) return;
        if (el.value.length > 0 && el.selectionStart === 0 && el.selectionEnd === el.value.length) reselect.current = next;
        setPath(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal
      title="Save topology as"
      onClose={closeDialog}
      testId="save-as-dialog"
      actions={
        <>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" form="ptp-save-form" className="ptp-primary" disabled={!path.trim()}>
            Save
          </button>
        </>
      }
    >
      <form
        id="ptp-save-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!path.trim()) return;
          closeDialog();
          void saveDocumentTo(path);
        }}
      >
        <label className="ptp-field-label">
          <span>
            File path (<code>{DOCUMENT_EXTENSION}</code> is added when missing)
          </span>
          <input
            type="text"
            ref={input}
            data-autofocus
            name="path"
            value={path}
            spellCheck={false}
            onKeyDown={touch}
            onPointerDown={touch}
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
      </form>
    </Modal>
  );
}
