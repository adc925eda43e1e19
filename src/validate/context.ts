/**
 * What every validation theme needs: the document, its lookups (built once per call), and small
 * helpers that make diagnostics with the node/edge named in the message.
 */
import type { Diagnostic, DiagnosticLocation, Severity } from '../model/diagnostic.ts';
import { describeEdge, describeNode, indexTopology, type TopologyIndex } from '../model/lookup.ts';
import type { PrometheusNode, TargetGroupNode, Topology, TopologyEdge, TopologyNode } from '../model/types.ts';

/** One validation pass over a document. Themes append to `out`. */
export interface ValidationContext {
  readonly t: Topology;
  readonly index: TopologyIndex;
  /** The servers this topology runs (external federation sources are left out: nothing is generated for them). */
  readonly servers: readonly PrometheusNode[];
  readonly targetGroups: readonly TargetGroupNode[];
  readonly out: Diagnostic[];
}

export function makeContext(t: Topology): ValidationContext {
  return {
    t,
    index: indexTopology(t),
    servers: t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus' && n.external !== true),
    targetGroups: t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets'),
    out: [],
  };
}

/** Optional parts of a diagnostic. */
export interface DiagnosticExtras {
  readonly hint?: string;
  readonly line?: number;
  readonly column?: number;
}

/** Reports a finding about a node field: message `<node description>, <field>: <text>`. */
export function reportNode(
  ctx: ValidationContext,
  code: string,
  severity: Severity,
  node: TopologyNode,
  field: string | undefined,
  text: string,
  extras: DiagnosticExtras = {},
): void {
  const where = field ? `${describeNode(node)}, ${field}` : describeNode(node);
  push(ctx, code, severity, `${where}: ${text}`, { node: node.id, ...(field ? { field } : {}) }, extras);
}

/** Reports a finding about an edge field: message `<edge description>, <field>: <text>`. */
export function reportEdge(
  ctx: ValidationContext,
  code: string,
  severity: Severity,
  edge: TopologyEdge,
  field: string | undefined,
  text: string,
  extras: DiagnosticExtras = {},
): void {
  const label = field ? `${describeEdge(edge, ctx.index)}, ${fieldLabel(field)}` : describeEdge(edge, ctx.index);
  push(ctx, code, severity, `${label}: ${text}`, { edge: edge.id, ...(field ? { field } : {}) }, extras);
}

/** Reports a document-wide finding. */
export function reportDocument(ctx: ValidationContext, code: string, severity: Severity, text: string, at: DiagnosticLocation, extras: DiagnosticExtras = {}): void {
  push(ctx, code, severity, text, at, extras);
}

/** `match[1]` reads as `match[] #2` in messages (users count from 1). */
function fieldLabel(field: string): string {
  const m = /^match\[(\d+)\]$/.exec(field);
  return m ? `match[] #${Number(m[1]) + 1}` : field;
}

function push(ctx: ValidationContext, code: string, severity: Severity, message: string, at: DiagnosticLocation, extras: DiagnosticExtras): void {
  const location: DiagnosticLocation = {
    ...at,
    ...(extras.line !== undefined ? { line: extras.line } : {}),
    ...(extras.column !== undefined ? { column: extras.column } : {}),
  };
  ctx.out.push({ code, severity, message, ...(extras.hint ? { hint: extras.hint } : {}), at: location });
}

/** The node with this id when it has the wanted kind. */
export function nodeOfKind<K extends TopologyNode['kind']>(ctx: ValidationContext, id: string, kind: K): Extract<TopologyNode, { kind: K }> | undefined {
  const node = ctx.index.nodes.get(id);
  return node && node.kind === kind ? (node as Extract<TopologyNode, { kind: K }>) : undefined;
}

/** Edges touching a node, of one kind. */
export function edgesOf<K extends TopologyEdge['kind']>(ctx: ValidationContext, nodeId: string, kind: K): Extract<TopologyEdge, { kind: K }>[] {
  return (ctx.index.edgesOf.get(nodeId) ?? []).filter((e): e is Extract<TopologyEdge, { kind: K }> => e.kind === kind);
}

/** Quotes a value for messages the way Prometheus does (`"x"`). */
export function q(value: string): string {
  return JSON.stringify(value);
}
