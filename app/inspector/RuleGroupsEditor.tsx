/** A server's rule groups: group name and interval, and per rule its name, expression and `for`. */
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { PrometheusNode, Rule, RuleGroup } from '../../src/model/types.ts';
import { isRecordingRule } from '../../src/model/types.ts';
import { diagnosticsForField } from './fieldDiagnostics.ts';
import { FieldMessages, Section, SmallButton, TextField } from './fields.tsx';

function replaceAt<T>(list: readonly T[], i: number, value: T): T[] {
  return list.map((x, j) => (j === i ? value : x));
}

function RuleEditor(props: { rule: Rule; path: string; diagnostics: readonly Diagnostic[]; onCommit: (rule: Rule) => void; onRemove: () => void }) {
  const { rule, path, diagnostics, onCommit, onRemove } = props;
  const at = (f: string) => diagnosticsForField(diagnostics, `${path}.${f}`);
  const recording = isRecordingRule(rule);
  return (
    <div className="pt-rule">
      <div className="pt-rule-head">
        <span className={`pt-badge ${recording ? 'record' : 'alert'}`}>{recording ? 'record' : 'alert'}</span>
        <SmallButton label="✕" title={`Remove rule ${recording ? rule.record : rule.alert}`} danger onClick={onRemove} />
      </div>
      {recording ? (
        <TextField label="Record (metric name)" value={rule.record} mono onCommit={(record) => onCommit({ ...rule, record })} diagnostics={at('record')} />
      ) : (
        <TextField label="Alert name" value={rule.alert} mono onCommit={(alert) => onCommit({ ...rule, alert })} diagnostics={at('alert')} />
      )}
      <TextField label="Expression (PromQL)" value={rule.expr} mono multiline onCommit={(expr) => onCommit({ ...rule, expr })} diagnostics={at('expr')} />
      {!recording && (
        <TextField
          label="For"
          value={rule.for ?? ''}
          mono
          placeholder="0s"
          onCommit={(v) => {
            const { for: _drop, ...rest } = rule;
            onCommit(v.trim() === '' ? rest : { ...rule, for: v });
          }}
          diagnostics={at('for')}
        />
      )}
    </div>
  );
}

export function RuleGroupsEditor(props: { node: PrometheusNode; diagnostics: readonly Diagnostic[]; onCommit: (groups: RuleGroup[]) => void }) {
  const { node, diagnostics, onCommit } = props;
  const groups = node.ruleGroups;
  const setGroup = (i: number, g: RuleGroup) => onCommit(replaceAt(groups, i, g));
  return (
    <Section
      title={`Rule groups (${groups.length})`}
      aside={<SmallButton label="+ Group" title="Add a rule group" onClick={() => onCommit([...groups, { name: `${node.name}-rules${groups.length ? `-${groups.length + 1}` : ''}`, rules: [] }])} />}
    >
      {groups.length === 0 && <div className="pt-field-hint">No rules. Recording rules (job:…) are what a global should federate.</div>}
      <FieldMessages diagnostics={diagnostics.filter((d) => d.at.field === 'ruleGroups')} />
      {groups.map((g, gi) => {
        const path = `ruleGroups[${gi}]`;
        const at = (f: string) => diagnosticsForField(diagnostics, `${path}.${f}`);
        return (
          <div className="pt-rule-group" key={gi}>
            <div className="pt-grid-2">
              <TextField label="Group name" value={g.name} mono onCommit={(name) => setGroup(gi, { ...g, name })} diagnostics={at('name')} />
              <TextField
                label="Interval"
                value={g.interval ?? ''}
                mono
                placeholder={node.evaluationInterval}
                onCommit={(v) => {
                  const { interval: _drop, ...rest } = g;
                  setGroup(gi, v.trim() === '' ? rest : { ...g, interval: v });
                }}
                diagnostics={at('interval')}
              />
            </div>
            {g.rules.map((r, ri) => (
              <RuleEditor
                key={ri}
                rule={r}
                path={`${path}.rules[${ri}]`}
                diagnostics={diagnostics}
                onCommit={(rule) => setGroup(gi, { ...g, rules: replaceAt(g.rules, ri, rule) })}
                onRemove={() => setGroup(gi, { ...g, rules: g.rules.filter((_, j) => j !== ri) })}
              />
            ))}
            <div className="pt-row-actions">
              <SmallButton label="+ Recording rule" onClick={() => setGroup(gi, { ...g, rules: [...g.rules, { record: 'job:up:sum', expr: 'sum by (job) (up)' }] })} />
              <SmallButton label="+ Alerting rule" onClick={() => setGroup(gi, { ...g, rules: [...g.rules, { alert: 'InstanceDown', expr: 'up == 0', for: '5m' }] })} />
              <SmallButton label="Remove group" danger onClick={() => onCommit(groups.filter((_, j) => j !== gi))} />
            </div>
          </div>
        );
      })}
    </Section>
  );
}
