/**
 * A small PromQL language for Monaco, enough for match[] series selectors: metric names, label
 * names, matcher operators, strings, braces. Completion items come from a per-model provider the
 * selector editor sets (metric and label names the source server holds).
 */
import type * as monacoNs from 'monaco-editor/editor';

type MonacoApi = typeof monacoNs;

export const PROMQL_LANGUAGE_ID = 'promql-selector';

/** What completion offers in one editor model. */
export interface SelectorCompletionSource {
  readonly metricNames: readonly string[];
  readonly labelNames: readonly string[];
}

const sources = new Map<string, SelectorCompletionSource>();

/** Sets (or with `undefined`, clears) what completion offers in the model `uri`. */
export function setCompletionSource(uri: string, source: SelectorCompletionSource | undefined): void {
  if (source) sources.set(uri, source);
  else sources.delete(uri);
}

/** What completion offers at the end of `textBeforeCursor`: metric names, label names, or nothing (in a quoted value). */
export function completionContext(textBeforeCursor: string): 'metric' | 'label' | 'none' {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < textBeforeCursor.length; i++) {
    const c = textBeforeCursor[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
  }
  if (quote) return 'none';
  return depth > 0 ? 'label' : 'metric';
}

let registered = false;

export function registerPromql(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: PROMQL_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(PROMQL_LANGUAGE_ID, {
    defaultToken: 'invalid',
    tokenizer: {
      root: [
        [/[a-zA-Z_:][a-zA-Z0-9_:]*(?=\s*\{)/, 'type.identifier'],
        [/[a-zA-Z_:][a-zA-Z0-9_:]*/, 'type.identifier'],
        [/\{/, { token: 'delimiter.curly', next: '@matchers' }],
        [/\s+/, 'white'],
      ],
      matchers: [
        [/\}/, { token: 'delimiter.curly', next: '@pop' }],
        [/[a-zA-Z_][a-zA-Z0-9_]*/, 'attribute.name'],
        [/=~|!~|!=|=/, 'operator'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/`[^`]*`/, 'string'],
        [/,/, 'delimiter'],
        [/\s+/, 'white'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(PROMQL_LANGUAGE_ID, {
    brackets: [['{', '}']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }],
  });
  monaco.languages.registerCompletionItemProvider(PROMQL_LANGUAGE_ID, {
    triggerCharacters: ['{', ',', '_'],
    provideCompletionItems(model, position) {
      const source = sources.get(model.uri.toString());
      if (!source) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const context = completionContext(before);
      if (context === 'none') return { suggestions: [] };
      const labels = context === 'label';
      const names = labels ? source.labelNames : source.metricNames;
      const kind = labels ? monaco.languages.CompletionItemKind.Property : monaco.languages.CompletionItemKind.Function;
      return { suggestions: names.map((name) => ({ label: name, kind, insertText: name, range, detail: labels ? 'label' : 'metric' })) };
    },
  });
}
