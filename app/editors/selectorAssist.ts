/**
 * What the selector editor knows about one match[] selector of a federation edge: the engine's parse
 * error as an editor marker (1-based columns), the metric and label names the source server holds
 * (for completion), and how many series the selector would pull (the load model's estimate).
 */
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import type { ExporterCatalog } from '../../src/estimate/catalog.ts';
import { SYNTHETIC_SERIES } from '../../src/estimate/constants.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { selfScrapeGroup } from '../../src/estimate/serverContent.ts';
import type { FederationEdge, TargetGroupNode, Topology } from '../../src/model/types.ts';
import { isRecordingRule } from '../../src/model/types.ts';
import { parseSelector } from '../../src/promql/parseSelector.ts';

/** A problem in the selector text, positioned for the editor (single line, 1-based, end exclusive). */
export interface SelectorMarker {
  readonly message: string;
  readonly startColumn: number;
  readonly endColumn: number;
}

/** The engine's verdict on `text` as editor markers (empty when it parses). */
export function selectorMarkers(text: string): SelectorMarker[] {
  if (text.trim() === '') return [{ message: 'empty selector: write one like {job="node"} or remove the row', startColumn: 1, endColumn: Math.max(2, text.length + 1) }];
  const parsed = parseSelector(text);
  if (parsed.ok) return [];
  const { from, to, message } = parsed.error;
  const start = Math.min(from, text.length);
  // A zero-width error (e.g. at the end of the text) still gets one visible column.
  const end = Math.max(to, start + 1);
  return [{ message, startColumn: start + 1, endColumn: end + 1 }];
}

/** Names offered by completion. */
export interface SelectorVocabulary {
  readonly metricNames: readonly string[];
  readonly labelNames: readonly string[];
}

const catalogsById = new Map<string, ExporterCatalog>(builtinCatalogs.map((c) => [c.id, c]));

function federationEdge(t: Topology, edgeId: string): FederationEdge | undefined {
  const edge = t.edges.find((e) => e.id === edgeId);
  return edge?.kind === 'federation' ? edge : undefined;
}

/**
 * What the source server of federation edge `edgeId` holds: metric names of the exporters it
 * scrapes (catalogs; its own /metrics when it scrapes itself), its recording rules' names and Prometheus' synthetic series; label names of
 * those metrics, the target groups' labels and the server's external labels.
 */
export function sourceVocabulary(t: Topology, edgeId: string, catalogs: ReadonlyMap<string, ExporterCatalog> = catalogsById): SelectorVocabulary {
  const edge = federationEdge(t, edgeId);
  const source = edge && t.nodes.find((n) => n.id === edge.source);
  if (!source || source.kind !== 'prometheus') return { metricNames: [], labelNames: [] };
  const metrics = new Set<string>(SYNTHETIC_SERIES);
  const labels = new Set<string>(['__name__', 'job', 'instance', ...Object.keys(source.externalLabels)]);
  for (const group of source.ruleGroups) {
    for (const rule of group.rules) {
      if (!isRecordingRule(rule)) continue;
      metrics.add(rule.record);
      for (const l of Object.keys(rule.labels ?? {})) labels.add(l);
    }
  }
  const groupIds = new Set(t.edges.flatMap((e) => (e.kind === 'scrape' && e.server === source.id ? [e.targets] : [])));
  const scraped = t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets' && groupIds.has(n.id));
  if (source.scrapeSelf) scraped.push(selfScrapeGroup(source));
  for (const group of scraped) {
    for (const l of Object.keys(group.labels)) labels.add(l);
    const catalog = group.exporter ? catalogs.get(group.exporter) : undefined;
    for (const m of catalog?.metrics ?? []) {
      metrics.add(m.name);
      for (const l of m.labels) labels.add(l);
    }
  }
  return { metricNames: [...metrics].sort(), labelNames: [...labels].sort() };
}

/**
 * Series the edge would carry with `selector` as its only match[] selector (the load model's
 * estimate, all instances of the scraping server); undefined when it does not parse or the edge is gone.
 */
export function seriesPulled(t: Topology, edgeId: string, selector: string): number | undefined {
  const edge = federationEdge(t, edgeId);
  if (!edge || !parseSelector(selector).ok) return undefined;
  const probe: Topology = { ...t, edges: t.edges.map((e) => (e.id === edgeId ? { ...edge, match: [selector] } : e)) };
  return estimateLoad(probe, builtinCatalogs).edges[edgeId]?.series;
}
