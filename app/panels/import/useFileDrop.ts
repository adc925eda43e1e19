/**
 * Files dropped anywhere on the canvas are imported as Prometheus configs; the Import dialog opens
 * with the result. Only drags that carry files are taken; palette drags (no files) pass through.
 */
import { useEffect } from 'react';
import { openDialog } from '../documents/dialogState.ts';
import { importFromFiles } from './runImport.ts';

const CANVAS_SELECTOR = '.react-flow';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') === true;
}

function onCanvas(e: DragEvent): boolean {
  return e.target instanceof Element && e.target.closest(CANVAS_SELECTOR) !== null;
}

export function useFileDrop(): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e) || !onCanvas(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e) || !onCanvas(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
      if (files.length === 0) return;
      void importFromFiles(files).then((outcome) => openDialog({ kind: 'import', outcome }));
    };
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, []);
}
