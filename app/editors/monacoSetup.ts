/**
 * Monaco, bundled locally (no CDN): the lean entry `monaco-editor/editor`, the editor features, only
 * the YAML language, and the editor worker through Vite's `?worker` (a same-origin file, allowed by
 * `worker-src 'self'`). `@monaco-editor/react` is pointed at this instance with `loader.config`, so
 * it never fetches Monaco from jsDelivr. Import this module before rendering any Monaco component.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerPromql } from './promqlLanguage.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });
registerPromql(monaco);

/**
 * Monaco's own themes with the colours that fall below WCAG AA contrast (4.5:1) replaced: the light
 * theme's pure red label names (#ff0000 on white is 4.0:1) become a darker red (7.4:1), the dark
 * theme's comments (#608b4e on #1e1e1e is 4.2:1) a lighter green (5.0:1).
 */
export const MONACO_THEMES = { light: 'promtopo-light', dark: 'promtopo-dark' } as const;
monaco.editor.defineTheme(MONACO_THEMES.light, { base: 'vs', inherit: true, rules: [{ token: 'attribute.name', foreground: 'b00000' }], colors: {} });
monaco.editor.defineTheme(MONACO_THEMES.dark, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });

export { monaco };
export type Monaco = typeof monaco;

/** The Monaco code editor that has the keyboard focus, if any (menu undo/redo go to it). */
export function focusedCodeEditor(): monaco.editor.ICodeEditor | undefined {
  return monaco.editor.getEditors().find((e) => e.hasTextFocus());
}
