/**
 * The write_relabel_configs of a remote_write edge as rows (action, source labels, regex, target
 * label, replacement). A row's text field commits on blur, the action on change, Add and Remove at
 * once: each is one patch of the whole list (one undo step). An empty list removes the field.
 */
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { RemoteWriteEdge } from '../../src/model/types.ts';
import { FieldMessages, SmallButton, TextField } from './fields.tsx';
import { splitList } from './useElement.ts';

type Rule = NonNullable<RemoteWriteEdge['writeRelabelConfigs']>[number];
type Action = NonNullable<Rule['action']>;

const ACTIONS: readonly Action[] = ['drop', 'keep', 'replace', 'labeldrop', 'labelkeep', 'labelmap', 'hashmod', 'keepequal', 'dropequal', 'lowercase', 'uppercase'];

/** The rule with one field set; an empty value removes the field. */
export function withRuleField(rule: Rule, key: 'regex' | 'targetLabel' | 'replacement', text: string): Rule {
  const next: Record<string, unknown> = { ...rule };
  if (text === '') delete next[key];
  else next[key] = text;
  return next as Rule;
}

export function WriteRelabelEditor({ rules, onCommit, diagnostics }: { rules: readonly Rule[]; onCommit: (rules: Rule[] | undefined) => void; diagnostics: (field: string) => Diagnostic[] }) {
  const replace = (i: number, rule: Rule) => onCommit(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <div className="pt-field" role="group" aria-label="write_relabel_configs">
      {rules.length === 0 && <div className="pt-field-hint">None: every sample is sent.</div>}
      {rules.map((rule, i) => {
        const n = i + 1;
        const field = `writeRelabelConfigs[${i}]`;
        return (
          <div className="pt-relabel-row" key={i} data-testid={`write-relabel-${n}`}>
            <div className="pt-field">
              <label htmlFor={`wr-action-${i}`}>Rule {n} action</label>
              <select id={`wr-action-${i}`} className="pt-input" value={rule.action ?? 'replace'} onChange={(e) => replace(i, { ...rule, action: e.target.value as Action })}>
                {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </div>
            <TextField label={`Rule ${n} source labels`} value={(rule.sourceLabels ?? []).join(', ')} mono placeholder="__name__" onCommit={(v) => { const list = splitList(v); const { sourceLabels: _s, ...rest } = rule; replace(i, list.length > 0 ? { ...rest, sourceLabels: list } : rest); }} diagnostics={diagnostics(`${field}.sourceLabels`)} />
            <TextField label={`Rule ${n} regex`} value={rule.regex ?? ''} mono placeholder="(.*)" onCommit={(v) => replace(i, withRuleField(rule, 'regex', v))} diagnostics={diagnostics(`${field}.regex`)} />
            <div className="pt-grid-2">
              <TextField label={`Rule ${n} target label`} value={rule.targetLabel ?? ''} mono onCommit={(v) => replace(i, withRuleField(rule, 'targetLabel', v.trim()))} diagnostics={diagnostics(`${field}.targetLabel`)} />
              <TextField label={`Rule ${n} replacement`} value={rule.replacement ?? ''} mono placeholder="$1" onCommit={(v) => replace(i, withRuleField(rule, 'replacement', v))} diagnostics={diagnostics(`${field}.replacement`)} />
            </div>
            <FieldMessages diagnostics={diagnostics(field).filter((d) => d.at.field === field)} />
            <SmallButton label={`Remove rule ${n}`} danger onClick={() => { const next = rules.filter((_, j) => j !== i); onCommit(next.length > 0 ? next : undefined); }} />
          </div>
        );
      })}
      <SmallButton label="Add rule" onClick={() => onCommit([...rules, { action: 'drop', sourceLabels: ['__name__'], regex: '' }])} />
      <FieldMessages diagnostics={diagnostics('writeRelabelConfigs').filter((d) => d.at.field === 'writeRelabelConfigs')} />
    </div>
  );
}
