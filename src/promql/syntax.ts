/**
 * Syntax errors from a lezer-promql tree. lezer never throws: it inserts error nodes and recovers,
 * so a text is valid only when its tree has no error node.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

/** A syntax error, 0-based offsets into the text. */
export interface SyntaxProblem {
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

/** The first error node of the tree, described as `unexpected "x"` / `unexpected end of input`. */
export function firstSyntaxError(tree: Tree, text: string): SyntaxProblem | undefined {
  let found: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) {
        found = { from: node.from, to: node.to };
        return false;
      }
      return undefined;
    },
  });
  if (!found) return undefined;
  const { from } = found;
  if (from >= text.length || text.slice(from).trim() === '') {
    return { message: 'unexpected end of input', from: Math.min(from, text.length), to: text.length };
  }
  const token = tokenAt(text, from);
  return { message: `unexpected ${JSON.stringify(token)}`, from, to: from + token.length };
}

/** The word, number, string or single character starting at `at` (for messages). */
function tokenAt(text: string, at: number): string {
  const rest = text.slice(at);
  const m = /^(?:[A-Za-z_:][A-Za-z0-9_:]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\S)/.exec(rest);
  return m ? m[0] : (rest[0] ?? '');
}

/** The expression under the `PromQL` top node, skipping comments. */
export function topExpression(tree: Tree): SyntaxNode | undefined {
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) {
    if (child.type.name !== 'LineComment') return child;
  }
  return undefined;
}

/** The first quoted metric or label name (`{"a.b"="v"}`): Prometheus 3 syntax that 2.42 rejects. */
export function firstQuotedName(tree: Tree, text: string): SyntaxProblem | undefined {
  let found: SyntaxProblem | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.name === 'QuotedLabelName' || node.type.name === 'QuotedLabelMatcher') {
        found = {
          message: `quoted names such as ${text.slice(node.from, node.to)} need Prometheus 3; Prometheus 2.42 rejects them`,
          from: node.from,
          to: node.to,
        };
        return false;
      }
      return undefined;
    },
  });
  return found;
}

const MODIFIABLE = new Set(['VectorSelector', 'MatrixSelector', 'SubqueryExpr']);

/**
 * `offset` and `@` must follow a selector or subquery (Prometheus' parser says so; lezer does not):
 * `sum(x) offset 1h` is a parse error in Prometheus.
 */
export function firstMisplacedModifier(tree: Tree): SyntaxProblem | undefined {
  let found: SyntaxProblem | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.name !== 'OffsetExpr' && node.type.name !== 'StepInvariantExpr') return undefined;
      const target = node.node.firstChild;
      if (target && !MODIFIABLE.has(target.type.name)) {
        const what = node.type.name === 'OffsetExpr' ? 'offset' : '@';
        found = {
          message: `${what} modifier must be preceded by an instant vector selector or range vector selector or a subquery`,
          from: target.to,
          to: node.to,
        };
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Checks a whole PromQL expression (rule `expr`) for syntax errors only, as Prometheus 2.42 reads
 * it (quoted names included). Types and function arity are promtool's business. Never throws.
 */
export function checkPromqlSyntax(expr: string): SyntaxProblem | undefined {
  const tree = parser.parse(expr);
  const problem = firstSyntaxError(tree, expr) ?? firstQuotedName(tree, expr) ?? firstMisplacedModifier(tree);
  if (problem) return problem;
  if (!topExpression(tree)) return { message: 'empty expression', from: 0, to: expr.length };
  return undefined;
}

/** 1-based column of a 0-based offset (selectors and rule expressions are usually one line). */
export function columnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}
