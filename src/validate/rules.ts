/**
 * Rule files as Prometheus' rulefmt checks them: group names set and unique per file, recording rule
 * names valid metric names (`invalid recording rule name`), alert names set, expressions that parse
 * (syntax only, with lezer-promql). Alerting rules need somewhere to send alerts.
 */
import { checkPromqlSyntax, columnOf, type SyntaxProblem } from '../promql/syntax.ts';
import { isValidMetricName } from '../model/names.ts';
import { isRecordingRule } from '../model/types.ts';
import { edgesOf, reportNode, q, type ValidationContext } from './context.ts';

export function checkRules(ctx: ValidationContext): void {
  // Templated leaves repeat the same expressions: parse each distinct text once per call.
  const parsed = new Map<string, SyntaxProblem | null>();
  const syntaxOf = (expr: string): SyntaxProblem | null => {
    let p = parsed.get(expr);
    if (p === undefined) parsed.set(expr, (p = checkPromqlSyntax(expr) ?? null));
    return p;
  };
  for (const server of ctx.servers) {
    const groupNames = new Set<string>();
    let alertingRules = 0;
    server.ruleGroups.forEach((group, g) => {
      const base = `ruleGroups[${g}]`;
      if (group.name.trim() === '') {
        reportNode(ctx, 'rule/group-name', 'error', server, `${base}.name`, 'Groupname must not be empty', { hint: 'Name the rule group.' });
      } else if (groupNames.has(group.name)) {
        reportNode(ctx, 'rule/group-repeated', 'info', server, `${base}.name`, `group name ${q(group.name)} is used twice: the groups are written to separate rule files (Prometheus wants names unique per file)`, {
          hint: 'Rename one group if they were meant to be different groups in one file.',
        });
      }
      groupNames.add(group.name);
      group.rules.forEach((rule, r) => {
        const at = `${base}.rules[${r}]`;
        if (isRecordingRule(rule)) {
          if (!isValidMetricName(rule.record)) {
            reportNode(ctx, 'rule/record-name', 'error', server, `${at}.record`, `invalid recording rule name: ${q(rule.record)}`, {
              hint: 'Recording rule names are metric names, by convention level:metric:operations (e.g. job:http_requests:rate5m).',
            });
          }
        } else {
          alertingRules++;
          if (rule.alert.trim() === '') {
            reportNode(ctx, 'rule/alert-name', 'error', server, `${at}.alert`, 'the alert name is empty', { hint: 'Name the alert.' });
          }
        }
        const problem = syntaxOf(rule.expr);
        if (problem) {
          const { line, column } = columnOf(rule.expr, problem.from);
          const message = rule.expr.trim() === '' ? "field 'expr' must be set in rule" : `${problem.message} at ${line > 1 ? `line ${line}, ` : ''}column ${column}`;
          reportNode(ctx, 'rule/expr-syntax', 'error', server, `${at}.expr`, message, {
            hint: 'Fix the PromQL expression.',
            line,
            column,
          });
        }
      });
    });
    if (alertingRules > 0 && edgesOf(ctx, server.id, 'alert').every((e) => e.server !== server.id) && !hasVerbatimAlertmanagers(server.extraConfig)) {
      reportNode(ctx, 'alerting/no-alertmanager', 'warning', server, 'ruleGroups',
        `${alertingRules} alerting rule(s) but no alert edge to an Alertmanager: the alerts go nowhere`,
        { hint: 'Connect the server to an Alertmanager (alert edge).' });
    }
  }
}

/** True when the server's raw YAML carries its own `alerting.alertmanagers` (kept verbatim from an import). */
export function hasVerbatimAlertmanagers(extraConfig: string | undefined): boolean {
  return extraConfig !== undefined && /^alerting\s*:/m.test(extraConfig) && /^\s+alertmanagers\s*:/m.test(extraConfig);
}
