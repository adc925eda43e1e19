/**
 * The seam where the inspector's plain selector input can be replaced by a richer editor (U1's Monaco
 * selector editor): call `provideSelectorEditor(Component)` once at start-up. The component gets the
 * committed value and reports drafts (for live validation) and commits (blur/Enter).
 */
import type { ComponentType } from 'react';

export interface SelectorEditorProps {
  readonly value: string;
  /** Accessible label, e.g. `match[] selector 2`. */
  readonly ariaLabel: string;
  readonly invalid: boolean;
  /** Every keystroke: the inspector validates the draft and shows the error inline. */
  onDraft(draft: string): void;
  /** Blur or Enter: one undo step. */
  onCommit(value: string): void;
}

let provided: ComponentType<SelectorEditorProps> | undefined;

export function provideSelectorEditor(editor: ComponentType<SelectorEditorProps> | undefined): void {
  provided = editor;
}

export function providedSelectorEditor(): ComponentType<SelectorEditorProps> | undefined {
  return provided;
}
