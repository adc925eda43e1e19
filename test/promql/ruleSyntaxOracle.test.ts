/**
 * Live oracle: the real promtool (Prometheus 2.42) accepts a rule file exactly when
 * checkPromqlSyntax accepts its expression, over the shared table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleExprCases } from '../../src/promql/ruleExpr.fixtures.ts';
import { checkPromqlSyntax } from '../../src/promql/syntax.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-rules-'));

/** Runs promtool once over one rule file per expression; the files it names in FAILED lines are rejected. */
function promtoolVerdicts(exprs: readonly string[]): { ok: boolean; output: string }[] {
  const files = exprs.map((expr, i) => {
    const file = join(dir, `rule-${i}.yml`);
    writeFileSync(file, `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${JSON.stringify(expr)}\n`);
    return file;
  });
  let output = '';
  try {
    execFileSync('promtool', ['check', 'rules', ...files], { stdio: 'pipe' });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; stdout?: Buffer };
    if (err.code === 'ENOENT') throw new Error('promtool is not installed: apt-get install --no-install-recommends prometheus');
    output = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
  }
  const lines = output.split('\n');
  return files.map((file) => {
    const failures = lines.filter((l) => l.startsWith(`${file}:`));
    return { ok: failures.length === 0, output: failures.join(' ') };
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkPromqlSyntax agrees with promtool check rules', () => {
  it('over the rule expression table', () => {
    const disagreements: string[] = [];
    const verdicts = promtoolVerdicts(ruleExprCases.map((c) => c.expr));
    expect(verdicts.some((v) => v.ok) && verdicts.some((v) => !v.ok)).toBe(true);
    ruleExprCases.forEach((c, i) => {
      const promtool = verdicts[i] ?? { ok: false, output: 'no verdict' };
      const ours = checkPromqlSyntax(c.expr) === undefined;
      if (promtool.ok !== ours || ours !== c.valid) {
        disagreements.push(`${JSON.stringify(c.expr)}: promtool ${promtool.ok ? 'ok' : promtool.output}, promtopo ${ours ? 'ok' : 'rejects'}, table ${c.valid}`);
      }
    });
    expect(disagreements).toEqual([]);
  });
});
