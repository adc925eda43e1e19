/** Key/value rows (external labels, target labels): edits commit on blur/Enter as one undo step. */
import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { isValidLabelName } from '../../src/model/names.ts';
import { FieldMessages, SmallButton } from './fields.tsx';

type Row = { key: string; value: string };

const toRows = (map: Readonly<Record<string, string>>): Row[] => Object.entries(map).map(([key, value]) => ({ key, value }));

/** The map the rows stand for; rows with an empty name are dropped. */
export function rowsToMap(rows: readonly Row[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.key.trim() !== '') out[r.key.trim()] = r.value;
  return out;
}

/** Problems with the rows as typed: bad label names, duplicates. */
export function checkRows(rows: readonly Row[]): string | undefined {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = r.key.trim();
    if (k === '') continue;
    if (!isValidLabelName(k)) return `"${k}" is not a valid label name (letters, digits and _, not starting with a digit)`;
    if (seen.has(k)) return `label "${k}" appears twice`;
    seen.add(k);
  }
  return undefined;
}

export function KeyValueEditor(props: {
  label: string;
  value: Readonly<Record<string, string>>;
  onCommit: (map: Record<string, string>) => void;
  diagnostics?: readonly Diagnostic[];
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  /** The section title already says what this is. */
  hideLabel?: boolean;
}) {
  const { label, value, onCommit, diagnostics = [] } = props;
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  useEffect(() => setRows(toRows(value)), [value]);
  const live = checkRows(rows);
  const commit = (next: Row[] = rows) => {
    if (checkRows(next) !== undefined) return;
    const map = rowsToMap(next);
    if (JSON.stringify(map) !== JSON.stringify(value)) onCommit(map);
  };
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="pt-field" role="group" aria-label={label}>
      {!props.hideLabel && <div className="pt-field-label">{label}</div>}
      {rows.length === 0 && <div className="pt-field-hint">None.</div>}
      {rows.map((r, i) => (
        <div className="pt-kv-row" key={i}>
          <input
            className="pt-input mono"
            aria-label={`${label} name ${i + 1}`}
            placeholder={props.keyPlaceholder ?? 'name'}
            value={r.key}
            spellCheck={false}
            onChange={(e) => set(i, { key: e.target.value })}
            onBlur={() => commit()}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          <input
            className="pt-input mono"
            aria-label={`${label} value ${i + 1}`}
            placeholder={props.valuePlaceholder ?? 'value'}
            value={r.value}
            spellCheck={false}
            onChange={(e) => set(i, { value: e.target.value })}
            onBlur={() => commit()}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          <SmallButton
            label="✕"
            title={`Remove ${r.key || 'row'}`}
            danger
            onClick={() => {
              const next = rows.filter((_, j) => j !== i);
              setRows(next);
              commit(next);
            }}
          />
        </div>
      ))}
      <SmallButton label="+ Add" title={`Add to ${label}`} onClick={() => setRows([...rows, { key: '', value: '' }])} />
      <FieldMessages diagnostics={diagnostics} live={live} />
    </div>
  );
}
