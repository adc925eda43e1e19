/**
 * The topology document, file format v1 (`*.promtopo.json`), as zod schemas.
 *
 * The document holds intent only (servers, target groups, edges, settings, positions), never derived
 * numbers. Field values that Prometheus itself validates (durations, label names, addresses, selectors)
 * are plain strings here: a document with a bad duration still opens, and `validate/` reports it with a
 * code and a place. The schema only rejects what cannot be a topology at all.
 */
import { z } from 'zod';

export const FORMAT = 'promtopo' as const;
export const FORMAT_VERSION = 1 as const;

/** A Prometheus duration string (`15s`, `1h30m`, `0`); checked by validate/, not here. */
export const DurationSchema = z.string().describe('Prometheus duration, e.g. 15s, 1m, 1h30m');
/** Label name -> value. Names are checked by validate/ (legacy-safe `[a-zA-Z_][a-zA-Z0-9_]*`). */
export const LabelMapSchema = z.record(z.string(), z.string());
/** Canvas position in flow coordinates (pixels at zoom 1). */
export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });
/** `host:port`, no scheme, no path (as Prometheus `static_configs` targets). */
export const AddressSchema = z.string().describe('host:port, without scheme or path');
/** Document-unique id of a node or edge. Stable across edits; never shown as a name. */
export const IdSchema = z.string().min(1).max(200);

export const RecordingRuleSchema = z.strictObject({
  record: z.string(),
  expr: z.string(),
  labels: LabelMapSchema.optional(),
});

export const AlertingRuleSchema = z.strictObject({
  alert: z.string(),
  expr: z.string(),
  for: DurationSchema.optional(),
  labels: LabelMapSchema.optional(),
  annotations: LabelMapSchema.optional(),
});

export const RuleSchema = z.union([RecordingRuleSchema, AlertingRuleSchema]);

/** A Prometheus rule group; each server's groups are written to its own rule file. */
export const RuleGroupSchema = z.strictObject({
  name: z.string(),
  interval: DurationSchema.optional(),
  rules: z.array(RuleSchema),
});

/** Capacity of one Prometheus instance, used by the load model for utilisation and warnings. */
export const CapacitySchema = z.strictObject({
  /** Active (head) series the instance can hold. */
  activeSeries: z.number().positive().optional(),
  /** Ingested samples per second the instance can sustain. */
  samplesPerSecond: z.number().positive().optional(),
  /** Memory available to the instance, in bytes. */
  memoryBytes: z.number().positive().optional(),
  /** Disk available to the TSDB, in bytes. */
  diskBytes: z.number().positive().optional(),
});

/** High availability: identical replicas scraping the same targets, told apart by one external label. */
export const HaSchema = z.strictObject({
  /** Number of identical replicas (2 or more). */
  replicas: z.number().int(),
  /** External label that tells the replicas apart; values are `a`, `b`, ... unless replicaValues says. */
  replicaLabel: z.string().default('replica'),
  /** The replica label's values, one per replica in order (default `a`, `b`, ...); kept from an import. */
  replicaValues: z.array(z.string()).optional(),
  /**
   * Drop the replica label from alerts (`alert_relabel_configs: labeldrop`) so Alertmanager dedups.
   * Default true; turning it off is flagged (one notification per replica).
   */
  dropReplicaLabelOnAlerts: z.boolean().default(true),
});

/** Horizontal sharding: each shard keeps the targets whose hashmod of `sourceLabels` equals its number. */
export const HashmodSchema = z.strictObject({
  /** Number of shards (modulus). */
  shards: z.number().int(),
  /** Labels hashed (joined with `;`), Prometheus' `source_labels`; default `[__address__]`. */
  sourceLabels: z.array(z.string()).default(['__address__']),
});

/** A Thanos sidecar next to every instance of a server: it serves the instance's data to a Thanos querier. */
export const ThanosSidecarSchema = z.strictObject({
  /** gRPC port of the StoreAPI (`--grpc-address`), on the instance's host; default 10901. */
  grpcPort: z.number().int().min(1).max(65535).default(10901),
  /** HTTP port of the sidecar's own metrics (`--http-address`); default 10902. */
  httpPort: z.number().int().min(1).max(65535).default(10902),
});

export const PrometheusNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('prometheus'),
  /** leaf: scrapes targets, short retention; global: federates leaves; shard: one functional or hashmod slice. */
  role: z.enum(['leaf', 'global', 'shard']),
  /**
   * `server` (absent: the default) stores and queries; `agent` (`--enable-feature=agent`) only scrapes
   * and forwards by remote_write: no local queries, rules or alerting.
   */
  mode: z.enum(['server', 'agent']).optional(),
  /** Accepts remote_write from other servers (`--web.enable-remote-write-receiver`, path `/api/v1/write`). */
  remoteWriteReceiver: z.boolean().optional(),
  /** A Thanos sidecar runs next to every instance (for a Thanos querier). */
  thanosSidecar: ThanosSidecarSchema.optional(),
  /** DNS-safe unique name; used for file names in the bundle and as the default host. */
  name: z.string(),
  /**
   * Where the server listens, `host:port`. With `addressFromName`, the base the instance addresses are
   * derived from; without it, for HA/hashmod, the first instance (see instanceAddresses).
   */
  address: AddressSchema,
  /**
   * The address is derived from the name (`<name>:<port>`) and follows renames; instance addresses not
   * listed get their own host, `<name>-<instance key>:<port>`. Absent (files written before this field)
   * or false: the address was set by the user, and unlisted instances add their index to the port.
   */
  addressFromName: z.boolean().optional(),
  externalLabels: LabelMapSchema.default({}),
  scrapeInterval: DurationSchema.default('15s'),
  scrapeTimeout: DurationSchema.default('10s'),
  evaluationInterval: DurationSchema.default('15s'),
  /** TSDB retention (`--storage.tsdb.retention.time`). */
  retention: DurationSchema.default('15d'),
  ruleGroups: z.array(RuleGroupSchema).default([]),
  ha: HaSchema.optional(),
  hashmod: HashmodSchema.optional(),
  /**
   * Explicit addresses of the instances, ordered by shard then replica. Missing entries are derived
   * from `address` (see addressFromName and model/instances.ts).
   */
  instanceAddresses: z.array(AddressSchema).optional(),
  /**
   * External labels of each instance (index as instanceAddresses), added to externalLabels. When set on
   * a hashmod server they replace the generated `prometheus_shard` label (kept from an import).
   */
  instanceExternalLabels: z.array(LabelMapSchema).optional(),
  /**
   * Each instance scrapes its own `/metrics` (job `prometheus`, as Prometheus' default config does).
   * Absent (files written before this field) or false: no self-scrape job.
   */
  scrapeSelf: z.boolean().optional(),
  capacity: CapacitySchema.optional(),
  /** Name of the machine size (settings.machines.sizes, else the built-in presets) each instance runs on. */
  machine: z.string().optional(),
  /** Raw YAML: a list of extra scrape_configs merged into the generated config (escape hatch). */
  extraScrapeConfigs: z.string().optional(),
  /** Raw YAML: extra top-level sections (remote_write, ...) kept verbatim from an import. */
  extraConfig: z.string().optional(),
  /**
   * A server outside this topology, known only as a federation source: it gets no files in the bundle
   * and only its address is validated.
   */
  external: z.boolean().optional(),
  position: PositionSchema,
});

/** Targets found by service discovery (the `*_sd_configs` of the group's extraConfig). */
export const DiscoverySchema = z.strictObject({
  /** How many targets discovery is expected to find, for the load model; unknown when absent. */
  targets: z.number().int().nonnegative().optional(),
});

export const TargetGroupNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('targets'),
  /** DNS-safe unique node name; also the scrape job name unless jobName is set. */
  name: z.string(),
  /** The scrape job name (`job_name`) when it is not the node name (kept exactly from an import); unique per scraping server. */
  jobName: z.string().optional(),
  /** Static targets, `host:port`. When empty, `count` placeholder targets are generated. */
  targets: z.array(AddressSchema).default([]),
  /** Number of targets when they are not listed (placeholders `<name>-<i>:<port>`). */
  count: z.number().int().nonnegative().optional(),
  /** Port of placeholder targets. */
  port: z.number().int().min(1).max(65535).optional(),
  /** Exporter catalog id (`node_exporter`, `prometheus`, ...) that gives metric names and series. */
  exporter: z.string().optional(),
  /** Series each target exposes; overrides the catalog figure. */
  seriesPerTarget: z.number().nonnegative().optional(),
  /**
   * Series each target stored on a running server (`scrape_samples_post_metric_relabeling`, mean per
   * target, set by import from a server); used over the catalog, below `seriesPerTarget`.
   */
  measuredSeriesPerTarget: z.number().nonnegative().optional(),
  scrapeInterval: DurationSchema.optional(),
  scrapeTimeout: DurationSchema.optional(),
  metricsPath: z.string().optional(),
  scheme: z.enum(['http', 'https']).optional(),
  /** Labels attached to every target of the group (static_configs labels). */
  labels: LabelMapSchema.default({}),
  /** Raw YAML: extra keys merged into the generated scrape job (auth, relabelling, ...). */
  extraConfig: z.string().optional(),
  /** Present when the job's targets come from service discovery (in extraConfig), not only from `targets`. */
  discovery: DiscoverySchema.optional(),
  position: PositionSchema,
});

export const AlertmanagerInstanceSchema = z.strictObject({
  /** Web/API address Prometheus sends alerts to, `host:port` (default port 9093). */
  address: AddressSchema,
  /** Gossip address `host:port` for `--cluster.listen-address`; default `<host>:9094`. */
  clusterAddress: AddressSchema.optional(),
});

export const AlertmanagerNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('alertmanager'),
  name: z.string(),
  /** One or more instances forming a gossip cluster. */
  instances: z.array(AlertmanagerInstanceSchema),
  position: PositionSchema,
});

export const GrafanaNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('grafana'),
  name: z.string(),
  /** Where Grafana listens, for documentation and the run files. */
  address: AddressSchema.default('grafana:3000'),
  position: PositionSchema,
});

/** Remote-write stores built for it; each has its own ingest path and defaults (model/receivers.ts). */
export const RECEIVER_KINDS = ['mimir', 'thanos-receive', 'victoriametrics'] as const;

/** Deduplication of HA pairs at ingest: one replica's samples are kept, told apart by `replicaLabel`. */
export const IngestDedupSchema = z.strictObject({
  /** The label that tells the replicas apart (the writers' HA replica label). */
  replicaLabel: z.string(),
  /** Mimir's HA tracker also needs the label naming the pair (`-distributor.ha-tracker.cluster`); default `cluster`. */
  clusterLabel: z.string().optional(),
});

/** A Grafana Mimir, Thanos Receive or VictoriaMetrics that ingests remote_write. */
export const ReceiverNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(RECEIVER_KINDS),
  name: z.string(),
  /** Where it accepts remote_write, `host:port` (Mimir 8080, Thanos Receive 19291, VictoriaMetrics 8428). */
  address: AddressSchema,
  /** Tenant sent as `X-Scope-OrgID` (Mimir and Thanos Receive multi-tenancy); none when absent. */
  tenant: z.string().optional(),
  /** The receiver deduplicates HA pairs at ingest (Mimir's HA tracker; VictoriaMetrics' `-dedup.minScrapeInterval` with the label dropped). */
  dedup: IngestDedupSchema.optional(),
  position: PositionSchema,
});

/** A Thanos querier: one PromQL view over the StoreAPIs of sidecars and receivers, deduplicating replicas. */
export const ThanosQuerierNodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('thanos-querier'),
  name: z.string(),
  /** HTTP address (PromQL API, what Grafana queries), `host:port`; Thanos' default port is 10902. */
  address: AddressSchema,
  /** `--query.replica-label`: labels whose values differ only between replicas; their series are merged. */
  replicaLabels: z.array(z.string()).default([]),
  position: PositionSchema,
});

export const TopologyNodeSchema = z.discriminatedUnion('kind', [
  PrometheusNodeSchema,
  TargetGroupNodeSchema,
  AlertmanagerNodeSchema,
  GrafanaNodeSchema,
  ReceiverNodeSchema,
  ThanosQuerierNodeSchema,
]);

/** The server scrapes the target group. */
export const ScrapeEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('scrape'),
  server: IdSchema,
  targets: IdSchema,
});

/** The server (usually a global) scrapes `/federate` of the source server with `match[]` selectors. */
export const FederationEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('federation'),
  server: IdSchema,
  source: IdSchema,
  /** `match[]` series selectors; the result is their union. */
  match: z.array(z.string()).default([]),
  scrapeInterval: DurationSchema.optional(),
  scrapeTimeout: DurationSchema.optional(),
  honorLabels: z.boolean().default(true),
  /**
   * When the source is an HA group: which replica to federate (0 = `a`), or `all` (doubles series).
   * Default 0.
   */
  sourceReplica: z.union([z.number().int().nonnegative(), z.literal('all')]).optional(),
  /**
   * The job name (default `federate-<source>`). Federation edges of one server with the same jobName
   * are written as one job, one `static_configs` entry per edge.
   */
  jobName: z.string().optional(),
  /** Targets as written (default: the source instances' addresses), e.g. without a port or behind a proxy. */
  targets: z.array(z.string()).optional(),
  /** Labels attached to the targets (`static_configs` labels). */
  labels: LabelMapSchema.optional(),
  /** Raw YAML: extra keys merged into the generated job (scheme, tls_config, basic_auth, relabelling, other params). */
  extraConfig: z.string().optional(),
});

/** The server sends alerts to the Alertmanager cluster. */
export const AlertEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('alert'),
  server: IdSchema,
  alertmanager: IdSchema,
});

/** Prometheus' `queue_config` of one remote_write; absent fields keep Prometheus' defaults. */
export const QueueConfigSchema = z.strictObject({
  capacity: z.number().int().optional(),
  minShards: z.number().int().optional(),
  maxShards: z.number().int().optional(),
  maxSamplesPerSend: z.number().int().optional(),
  batchSendDeadline: DurationSchema.optional(),
  minBackoff: DurationSchema.optional(),
  maxBackoff: DurationSchema.optional(),
});

/** One `write_relabel_configs` rule, as Prometheus' relabel_config. */
export const RelabelRuleSchema = z.strictObject({
  action: z.enum(['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase']).optional(),
  sourceLabels: z.array(z.string()).optional(),
  separator: z.string().optional(),
  regex: z.string().optional(),
  targetLabel: z.string().optional(),
  replacement: z.string().optional(),
  modulus: z.number().int().optional(),
});

/** Basic auth of a remote_write; the password only by reference to a file, never inline. */
export const BasicAuthFileSchema = z.strictObject({
  username: z.string(),
  passwordFile: z.string(),
});

/** The server (or agent) sends everything it ingests to the receiver by remote_write. */
export const RemoteWriteEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('remote_write'),
  server: IdSchema,
  /** A Prometheus with `remoteWriteReceiver`, or a Mimir, Thanos Receive or VictoriaMetrics node. */
  receiver: IdSchema,
  /** The remote_write `name` (default `to-<receiver name>`). */
  name: z.string().optional(),
  queueConfig: QueueConfigSchema.optional(),
  writeRelabelConfigs: z.array(RelabelRuleSchema).optional(),
  /** `authorization.credentials_file`: a file on the sender holding the bearer token. */
  bearerTokenFile: z.string().optional(),
  basicAuth: BasicAuthFileSchema.optional(),
  /** Round-trip time of one send assumed by the load model (queue shards needed); default settings.load.remoteWriteLatency, else 100ms. */
  assumedLatency: DurationSchema.optional(),
});

/** A Thanos querier reads a server's sidecar (or a Thanos Receive) over the StoreAPI. */
export const StoreEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('store'),
  querier: IdSchema,
  /** A Prometheus with `thanosSidecar`, or a Thanos Receive node. */
  store: IdSchema,
});

/** Grafana has the server (or a querier or receiver with a query API) as a data source. */
export const DatasourceEdgeSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('datasource'),
  grafana: IdSchema,
  /** A Prometheus, a Thanos querier, a Mimir or a VictoriaMetrics node. */
  server: IdSchema,
  isDefault: z.boolean().default(false),
  /**
   * Which replicas of an HA server Grafana gets data sources for: `first` (default) replica a only;
   * `each` also one per other replica (`<server> (replica b)`, not default), to switch to when a is down.
   */
  replicas: z.enum(['first', 'each']).optional(),
});

export const TopologyEdgeSchema = z.discriminatedUnion('kind', [
  ScrapeEdgeSchema,
  FederationEdgeSchema,
  AlertEdgeSchema,
  DatasourceEdgeSchema,
  RemoteWriteEdgeSchema,
  StoreEdgeSchema,
]);

/**
 * Where an export goes: `files` (the plain bundle of configs and run files), `kubernetes`
 * (prometheus-operator manifests with a kustomization), `compose` (one docker-compose.yml) or
 * `systemd` (one unit per instance). See docs/bundle.md.
 */
export const EXPORT_TARGETS = ['files', 'kubernetes', 'compose', 'systemd'] as const;
export const ExportTargetSchema = z.enum(EXPORT_TARGETS);

/** Export settings kept with the document. */
export const ExportSettingsSchema = z.strictObject({
  /** The deployment target of Export; default `files`. */
  target: ExportTargetSchema.optional(),
});

/** One machine size a Prometheus instance can run on (a cloud instance type, a VM flavour). */
export const MachineSizeSchema = z.strictObject({
  /** Unique name, e.g. `m-4x16`. */
  name: z.string().min(1),
  /** Virtual CPUs (cores). */
  vcpu: z.number().positive(),
  /** Memory, GiB. */
  ramGiB: z.number().positive(),
  /** Disk for the TSDB, GiB. */
  diskGiB: z.number().positive(),
  /** Network bandwidth, Mbit/s; unbounded when absent. */
  networkMbps: z.number().positive().optional(),
  /** Price per month, in the user's currency; shown only. */
  pricePerMonth: z.number().nonnegative().optional(),
});

/** Machine sizes of the document and the headroom to keep on them (see docs/load-model.md). */
export const MachineSettingsSchema = z.strictObject({
  /** The sizes to choose from, smallest first is not required; absent: the built-in presets. */
  sizes: z.array(MachineSizeSchema).optional(),
  /** Fraction of every resource kept free (0.3 = use at most 70%); default 0.3. */
  headroom: z.number().min(0).max(0.95).optional(),
});

/** A failure what-if: what is marked down (kept with the document so a scenario can be saved). */
export const WhatIfSchema = z.strictObject({
  /** Each entry: a node name, `<server>/<instance key>` (one replica or shard), or `dc=<value>` (a data centre). */
  down: z.array(z.string()).default([]),
});

/** Document-wide settings. */
export const SettingsSchema = z.strictObject({
  load: z
    .strictObject({
      /** Head memory per active series, bytes (default ~3 kB, see docs/load-model.md). */
      bytesPerSeries: z.number().positive().optional(),
      /** Disk per sample after compression, bytes (default 1.5). */
      bytesPerSample: z.number().positive().optional(),
      /** Default capacity of every Prometheus instance (a server's own `capacity` wins). */
      capacity: CapacitySchema.optional(),
      /** Round-trip time of one remote_write send assumed for queue shards (an edge's `assumedLatency` wins); default 100ms. */
      remoteWriteLatency: DurationSchema.optional(),
    })
    .optional(),
  export: ExportSettingsSchema.optional(),
  machines: MachineSettingsSchema.optional(),
  whatIf: WhatIfSchema.optional(),
  /**
   * Add the generated `promtopo-health` alerting rules (federation source down, scrape jobs down, rule
   * evaluation failures, Alertmanager cluster size) to every server's rule files on export.
   */
  healthRules: z.boolean().optional(),
});

export const TopologySchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  name: z.string(),
  description: z.string().optional(),
  settings: SettingsSchema.default({}),
  nodes: z.array(TopologyNodeSchema),
  edges: z.array(TopologyEdgeSchema),
});
