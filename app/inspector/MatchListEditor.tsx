/**
 * The federation edge's `match[]` list, edited selector by selector. Each selector is parsed as you
 * type (model of Prometheus' own parser) and its error shown inline; it commits on blur/Enter.
 */
import { useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { parseSelector } from '../../src/promql/parseSelector.ts';
import { diagnosticsForField } from './fieldDiagnostics.ts';
import { FieldMessages, SmallButton } from './fields.tsx';
import { providedSelectorEditor } from './selectorEditorSeam.ts';
import type { SelectorEditorProps } from './selectorEditorSeam.ts';

/** The live error of a selector draft, with the column it starts at; undefined when it parses. */
export function selectorError(draft: string): string | undefined {
  if (draft.trim() === '') return 'empty selector: write one like {job="node"} or remove the row';
  const parsed = parseSelector(draft);
  if (parsed.ok) return undefined;
  return `${parsed.error.message} (column ${parsed.error.from + 1})`;
}

function PlainSelectorInput({ value, ariaLabel, invalid, onDraft, onCommit }: SelectorEditorProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      className={`pt-input mono${invalid ? ' invalid' : ''}`}
      aria-label={ariaLabel}
      aria-invalid={invalid}
      value={draft}
      spellCheck={false}
      placeholder='{__name__=~"job:.+"}'
      onChange={(e) => {
        setDraft(e.target.value);
        onDraft(e.target.value);
      }}
      onBlur={() => onCommit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onCommit(draft);
        if (e.key === 'Escape') {
          setDraft(value);
          onDraft(value);
        }
      }}
    />
  );
}

function SelectorRow(props: { index: number; value: string; diagnostics: readonly Diagnostic[]; onCommit: (v: string) => void; onRemove: () => void }) {
  const { index, value, diagnostics, onCommit, onRemove } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const Editor = providedSelectorEditor() ?? PlainSelectorInput;
  // Stored findings are about the committed text; while the draft differs, the live check speaks.
  const shown = draft === value ? diagnostics : [];
  const live = shown.some((d) => d.code.startsWith('selector/')) ? undefined : selectorError(draft);
  return (
    <li className="pt-match-row" data-testid={`match-row-${index}`}>
      <div className="pt-match-line">
        <span className="pt-match-index">#{index + 1}</span>
        <Editor
          value={value}
          ariaLabel={`match[] selector ${index + 1}`}
          invalid={live !== undefined || shown.some((d) => d.severity === 'error')}
          onDraft={setDraft}
          onCommit={(v) => {
            setDraft(v);
            if (v !== value) onCommit(v);
          }}
        />
        <SmallButton label="✕" title={`Remove match[] selector ${index + 1}`} danger onClick={onRemove} />
      </div>
      <FieldMessages diagnostics={shown} live={live} />
    </li>
  );
}

/**
 * Stable React keys for `count` rows: adding a row keeps the keys of the others (their editors stay
 * mounted, with their drafts), removing row j drops only its key.
 */
function useRowKeys(count: number): { keys: readonly number[]; removeAt(index: number): void } {
  const keys = useRef<number[]>([]);
  const next = useRef(0);
  while (keys.current.length < count) keys.current.push(next.current++);
  if (keys.current.length > count) keys.current.length = count;
  return { keys: keys.current, removeAt: (index) => void keys.current.splice(index, 1) };
}

export function MatchListEditor(props: { match: readonly string[]; diagnostics: readonly Diagnostic[]; onCommit: (match: string[]) => void }) {
  const { match, diagnostics, onCommit } = props;
  const rows = useRowKeys(match.length);
  const listLevel = diagnostics.filter((d) => d.at.field === 'match');
  return (
    <div className="pt-field" role="group" aria-label="match[] selectors">
      <div className="pt-field-label">match[] selectors</div>
      <div className="pt-field-hint">The global pulls the union of these series from /federate. Prefer aggregated recording rules (job:…).</div>
      <ol className="pt-match-list">
        {match.map((m, i) => (
          <SelectorRow
            key={rows.keys[i]}
            index={i}
            value={m}
            diagnostics={diagnosticsForField(diagnostics, `match[${i}]`)}
            onCommit={(v) => onCommit(match.map((x, j) => (j === i ? v : x)))}
            onRemove={() => {
              rows.removeAt(i);
              onCommit(match.filter((_, j) => j !== i));
            }}
          />
        ))}
      </ol>
      <SmallButton label="+ Add selector" onClick={() => onCommit([...match, '{__name__=~"job:.+"}'])} />
      <FieldMessages diagnostics={listLevel} />
    </div>
  );
}
