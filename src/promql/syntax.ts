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

/** Checks a whole PromQL expression (rule `expr`) for syntax errors only. Never throws. */
export function checkPromqlSyntax(expr: string): SyntaxProblem | undefined {
  const tree = parser.parse(expr);
  const problem = firstSyntaxError(tree, expr);
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
