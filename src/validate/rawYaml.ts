/**
 * The raw-YAML escape hatches (`extraScrapeConfigs`, `extraConfig`) are only checked for being YAML
 * of the right shape, with line and column; what they say is Prometheus' business (promtool checks
 * the exported bundle). Alias bombs are stopped by a small maxAliasCount.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { TopologyNode } from '../model/types.ts';
import { reportNode, type ValidationContext } from './context.ts';
import { tooDeepMessage, yamlTooDeep } from './yamlNesting.ts';

/** Aliases allowed in one raw YAML field; beyond this the text is refused (alias bombs). */
const MAX_ALIASES = 20;

type RawYaml = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

export function parseRawYaml(text: string): RawYaml {
  const deep = yamlTooDeep(text);
  if (deep) return { ok: false, message: tooDeepMessage(deep), line: deep.line };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    return { ok: false, message: error.message.split('\n')[0] ?? error.message, line: pos.line, column: pos.col };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    if (containsBinary(value)) return { ok: false, message: 'a !!binary value cannot be written into the exported config; give it as text' };
    return { ok: true, value };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * True when a parsed value holds bytes (a `!!binary` scalar) anywhere; iterative, and each object is
 * looked at once (a recursive alias makes the value circular).
 */
function containsBinary(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof Uint8Array) return true;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

function reportYaml(ctx: ValidationContext, node: TopologyNode, field: string, message: string, line?: number, column?: number): void {
  const where = line !== undefined ? ` (line ${line}${column !== undefined ? `, column ${column}` : ''})` : '';
  reportNode(ctx, 'config/yaml', 'error', node, field, `${message}${where}`, {
    hint: 'Fix the YAML; the exported prometheus.yml would leave this part out.',
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  });
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks every raw YAML field; returns, per server id, the job names its extraScrapeConfigs declare
 * (for the duplicate job name check).
 */
export function checkRawYaml(ctx: ValidationContext): Map<string, string[]> {
  const extraJobs = new Map<string, string[]>();
  for (const node of ctx.t.nodes) {
    if (node.kind !== 'prometheus' && node.kind !== 'targets') continue;
    if (node.extraConfig !== undefined && node.extraConfig.trim() !== '') {
      const parsed = parseRawYaml(node.extraConfig);
      if (!parsed.ok) reportYaml(ctx, node, 'extraConfig', parsed.message, parsed.line, parsed.column);
      else if (parsed.value !== null && !isMap(parsed.value)) reportYaml(ctx, node, 'extraConfig', 'must be a YAML mapping (key: value lines)');
    }
    if (node.kind !== 'prometheus' || node.extraScrapeConfigs === undefined || node.extraScrapeConfigs.trim() === '') continue;
    const parsed = parseRawYaml(node.extraScrapeConfigs);
    if (!parsed.ok) {
      reportYaml(ctx, node, 'extraScrapeConfigs', parsed.message, parsed.line, parsed.column);
      continue;
    }
    if (parsed.value === null) continue;
    if (!Array.isArray(parsed.value)) {
      reportYaml(ctx, node, 'extraScrapeConfigs', 'must be a YAML list of scrape configs (lines starting with "- job_name: ...")');
      continue;
    }
    const names = parsed.value.map((job) => (isMap(job) && typeof job.job_name === 'string' ? job.job_name : undefined));
    names.forEach((name, i) => {
      if (name === undefined || name === '') reportYaml(ctx, node, `extraScrapeConfigs[${i}]`, 'job_name is empty');
    });
    extraJobs.set(node.id, names.filter((n): n is string => !!n));
  }
  return extraJobs;
}
