/**
 * Checks of a server's raw `extraScrapeConfigs` YAML, as editor markers with line and column:
 * YAML errors, the shape Prometheus expects (a list of scrape configs with a job_name), job names
 * that clash with the jobs PromTopo generates for the server, and the scrape_config rules promtool
 * would refuse (bad durations, timeout above interval, relative metrics_path, targets with a scheme,
 * fields Prometheus does not know). Pure; the merged config is written by the generator.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { federationJobName, scrapeJobName } from '../../src/model/jobs.ts';
import { parseDuration } from '../../src/model/duration.ts';
import type { Topology } from '../../src/model/types.ts';

/** One finding in the text (1-based lines and columns, end exclusive). */
export interface YamlMarker {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** scrape_config fields of Prometheus 2.x (plus any `*_sd_configs`). */
const KNOWN_FIELDS = new Set([
  'job_name', 'honor_labels', 'honor_timestamps', 'track_timestamps_staleness', 'params', 'scrape_interval', 'scrape_timeout',
  'scrape_protocols', 'scrape_classic_histograms', 'metrics_path', 'scheme', 'enable_compression', 'basic_auth', 'authorization',
  'oauth2', 'bearer_token', 'bearer_token_file', 'follow_redirects', 'enable_http2', 'tls_config', 'proxy_url', 'no_proxy',
  'proxy_from_environment', 'proxy_connect_header', 'static_configs', 'relabel_configs', 'metric_relabel_configs',
  'body_size_limit', 'sample_limit', 'label_limit', 'label_name_length_limit', 'label_value_length_limit', 'target_limit',
  'keep_dropped_targets', 'native_histogram_bucket_limit', 'native_histogram_min_bucket_factor', 'http_headers',
]);

/** Jobs PromTopo generates for the server, by name -> what they come from. */
function generatedJobs(t: Topology, serverId: string): Map<string, string> {
  const nodes = new Map(t.nodes.map((n) => [n.id, n] as const));
  const jobs = new Map<string, string>();
  for (const e of t.edges) {
    if (e.kind === 'scrape' && e.server === serverId) {
      const g = nodes.get(e.targets);
      if (g?.kind === 'targets') jobs.set(scrapeJobName(g), `target group "${g.name}"`);
    } else if (e.kind === 'federation' && e.server === serverId) {
      const s = nodes.get(e.source);
      if (s?.kind === 'prometheus') jobs.set(federationJobName(s, e), `the federation edge from "${s.name}"`);
    }
  }
  return jobs;
}

/** Marker builder bound to one text. */
function markerAt(lc: LineCounter) {
  return (severity: YamlMarker['severity'], message: string, node: { range?: [number, number, number] | null } | null | undefined): YamlMarker => {
    const [from, to] = node?.range ?? [0, 1];
    const a = lc.linePos(from);
    const b = lc.linePos(Math.max(to, from + 1));
    return { severity, message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
}

function checkJob(item: YAMLMap, i: number, mark: ReturnType<typeof markerAt>, generated: Map<string, string>, seen: Set<string>): YamlMarker[] {
  const out: YamlMarker[] = [];
  const field = (key: string) => item.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  const name = field('job_name');
  const label = `scrape config #${i + 1}`;
  if (!name || !isScalar(name.value) || typeof name.value.value !== 'string' || name.value.value === '') {
    out.push(mark('error', `${label}: job_name is missing or empty`, item));
  } else {
    const job = name.value.value;
    const clash = generated.get(job);
    if (clash) out.push(mark('error', `job_name "${job}" is already the job PromTopo generates for ${clash}: choose another name`, name.value));
    else if (seen.has(job)) out.push(mark('error', `job_name "${job}" appears twice`, name.value));
    seen.add(job);
  }
  const durations: Record<string, number> = {};
  for (const key of ['scrape_interval', 'scrape_timeout']) {
    const p = field(key);
    if (!p) continue;
    const v = isScalar(p.value) ? String(p.value.value) : '';
    const d = parseDuration(v);
    if (!d.ok) out.push(mark('error', `${key}: "${v}" is not a Prometheus duration (${d.error})`, p.value as YamlNode));
    else durations[key] = d.ms;
  }
  if (durations.scrape_interval !== undefined && durations.scrape_timeout !== undefined && durations.scrape_timeout > durations.scrape_interval) {
    out.push(mark('error', 'scrape_timeout is greater than scrape_interval (Prometheus refuses the config)', field('scrape_timeout')?.value as YamlNode));
  }
  const path = field('metrics_path');
  if (path && isScalar(path.value) && !String(path.value.value).startsWith('/')) out.push(mark('error', 'metrics_path must start with "/"', path.value));
  for (const p of item.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    if (key && !KNOWN_FIELDS.has(key) && !key.endsWith('_sd_configs')) out.push(mark('warning', `"${key}" is not a scrape_config field Prometheus knows (promtool would refuse it)`, p.key as YamlNode));
  }
  const statics = field('static_configs');
  if (statics && isSeq(statics.value)) {
    for (const sc of statics.value.items) {
      const targets = isMap(sc) ? sc.get('targets', true) : undefined;
      if (!isSeq(targets)) continue;
      for (const t of targets.items) {
        if (isScalar(t) && /:\/\/|\//.test(String(t.value))) out.push(mark('error', `target "${String(t.value)}" must be host:port (no scheme or path; use scheme and metrics_path)`, t));
      }
    }
  }
  return out;
}

/** Findings in `text`, the extraScrapeConfigs of server `serverId` of `t`. Empty text is fine. */
export function rawScrapeConfigMarkers(t: Topology, serverId: string, text: string): YamlMarker[] {
  if (text.trim() === '') return [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lc });
  const mark = markerAt(lc);
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => {
      const a = lc.linePos(e.pos[0]);
      const b = lc.linePos(Math.max(e.pos[1], e.pos[0] + 1));
      return { severity: 'error', message: e.message.split('\n')[0] ?? e.message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
    });
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) return [mark('error', 'extra scrape configs must be a YAML list: lines starting with "- job_name: ..."', doc.contents)];
  const generated = generatedJobs(t, serverId);
  const seen = new Set<string>();
  return doc.contents.items.flatMap((item, i) =>
    isMap(item) ? checkJob(item, i, mark, generated, seen) : [mark('error', `scrape config #${i + 1} must be a mapping with job_name, static_configs, ...`, item as YamlNode)],
  );
}
