/**
 * Inspector field editors. Text-like fields keep a draft while you type and commit on blur or Enter
 * (Escape reverts): one edit = one undo step. Each shows the diagnostics that point at its field.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { Diagnostic } from '../../src/model/diagnostic.ts';

export function FieldMessages({ diagnostics, live }: { diagnostics: readonly Diagnostic[]; live?: string | undefined }) {
  if (diagnostics.length === 0 && !live) return null;
  return (
    <ul className="pt-field-messages">
      {live && <li className="severity-error" data-testid="live-error">{live}</li>}
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`severity-${d.severity}`} data-code={d.code} title={d.hint ?? d.code}>
          {d.message}
          {d.hint && <span className="pt-hint"> {d.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly diagnostics?: readonly Diagnostic[];
  readonly placeholder?: string;
  readonly mono?: boolean;
  readonly multiline?: boolean;
  /** Checks the draft as you type; returns an error message or undefined. */
  readonly check?: (draft: string) => string | undefined;
  readonly hint?: string;
  readonly testId?: string;
}

/** A text input (or textarea) that commits on blur/Enter. */
export function TextField(props: TextFieldProps) {
  const { label, value, onCommit, diagnostics = [], placeholder, mono, multiline, check, hint, testId } = props;
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const live = check ? check(draft) : undefined;
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const invalid = live !== undefined || diagnostics.some((d) => d.severity === 'error');
  const common = {
    id,
    value: draft,
    placeholder,
    className: `pt-input${mono ? ' mono' : ''}${invalid ? ' invalid' : ''}`,
    'aria-invalid': invalid,
    'data-testid': testId,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  };
  return (
    <div className="pt-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(value);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          spellCheck={false}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {hint && <div className="pt-field-hint">{hint}</div>}
      <FieldMessages diagnostics={diagnostics} live={live} />
    </div>
  );
}

/** A number input; empty commits `undefined` when `optional`. */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  diagnostics?: readonly Diagnostic[];
  optional?: boolean;
  min?: number;
  integer?: boolean;
  placeholder?: string;
  hint?: string;
}) {
  const { label, value, onCommit, diagnostics = [], optional, min, integer, placeholder, hint } = props;
  const check = (draft: string) => {
    if (draft.trim() === '') return optional ? undefined : `${label}: a number is required`;
    const n = Number(draft);
    if (!Number.isFinite(n)) return `${label}: "${draft}" is not a number`;
    if (integer && !Number.isInteger(n)) return `${label}: must be a whole number`;
    if (min !== undefined && n < min) return `${label}: must be at least ${min}`;
    return undefined;
  };
  return (
    <TextField
      label={label}
      value={value === undefined ? '' : String(value)}
      diagnostics={diagnostics}
      check={check}
      mono
      {...(placeholder ? { placeholder } : {})}
      {...(hint ? { hint } : {})}
      onCommit={(draft) => {
        if (check(draft) !== undefined) return;
        onCommit(draft.trim() === '' ? undefined : Number(draft));
      }}
    />
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onCommit: (value: T) => void;
  diagnostics?: readonly Diagnostic[];
}) {
  const id = useId();
  return (
    <div className="pt-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="pt-input" value={props.value} onChange={(e) => props.onCommit(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages diagnostics={props.diagnostics ?? []} />
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onCommit: (checked: boolean) => void; diagnostics?: readonly Diagnostic[]; hint?: string }) {
  const id = useId();
  return (
    <div className="pt-field checkbox">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onCommit(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <div className="pt-field-hint">{props.hint}</div>}
      <FieldMessages diagnostics={props.diagnostics ?? []} />
    </div>
  );
}

/** A titled group of fields. */
export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="pt-inspector-section" aria-label={title}>
      <h3>
        <span>{title}</span>
        {aside}
      </h3>
      {children}
    </section>
  );
}

/** A small text button (add/remove rows). */
export function SmallButton({ label, onClick, title, danger }: { label: string; onClick: () => void; title?: string; danger?: boolean }) {
  return (
    <button type="button" className={`pt-small-button${danger ? ' danger' : ''}`} onClick={onClick} title={title ?? label} aria-label={title ?? label}>
      {label}
    </button>
  );
}
