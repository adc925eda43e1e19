/**
 * Field names of the document in the words the designer's inspector uses, for diff entries:
 * `scrapeInterval` -> `scrape interval`, `ha.replicas` -> `HA replicas`, `externalLabels.dc` ->
 * `external label dc`. Unknown fields fall back to their camelCase split into words.
 */

const WORDS: Readonly<Record<string, string>> = {
  name: 'name',
  role: 'role',
  address: 'address',
  addressFromName: 'address follows the name',
  scrapeInterval: 'scrape interval',
  scrapeTimeout: 'scrape timeout',
  evaluationInterval: 'evaluation interval',
  retention: 'retention',
  ha: 'HA',
  'ha.replicas': 'HA replicas',
  'ha.replicaLabel': 'replica label',
  'ha.replicaValues': 'replica label values',
  'ha.dropReplicaLabelOnAlerts': 'drop replica label on alerts',
  hashmod: 'hashmod sharding',
  'hashmod.shards': 'hashmod shards',
  'hashmod.sourceLabels': 'hashmod source labels',
  instanceAddresses: 'instance addresses',
  instanceExternalLabels: 'per-instance external labels',
  scrapeSelf: 'scrapes itself',
  capacity: 'capacity',
  'capacity.activeSeries': 'capacity: active series',
  'capacity.samplesPerSecond': 'capacity: samples/s',
  'capacity.memoryBytes': 'capacity: memory',
  'capacity.diskBytes': 'capacity: disk',
  extraScrapeConfigs: 'extra scrape configs (raw YAML)',
  extraConfig: 'extra config (raw YAML)',
  external: 'outside this topology',
  jobName: 'job name',
  targets: 'targets',
  count: 'target count',
  port: 'port',
  exporter: 'exporter',
  seriesPerTarget: 'series per target',
  metricsPath: 'metrics path',
  scheme: 'scheme',
  discovery: 'service discovery',
  'discovery.targets': 'discovered targets',
  instances: 'instances',
  honorLabels: 'honor labels',
  sourceReplica: 'source replica',
  isDefault: 'default data source',
  description: 'description',
  'settings.load.bytesPerSeries': 'memory per series',
  'settings.load.bytesPerSample': 'disk per sample',
  'settings.load.capacity.activeSeries': 'default capacity: active series',
  'settings.load.capacity.samplesPerSecond': 'default capacity: samples/s',
  'settings.load.capacity.memoryBytes': 'default capacity: memory',
  'settings.load.capacity.diskBytes': 'default capacity: disk',
  'settings.export.target': 'deployment target',
};

/** Map fields whose entries are named one by one: `externalLabels.dc` -> `external label dc`. */
const MAP_WORDS: Readonly<Record<string, string>> = {
  externalLabels: 'external label',
  labels: 'label',
};

function splitCamel(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The user-facing words for a field path. */
export function fieldLabel(path: string): string {
  const known = WORDS[path];
  if (known !== undefined) return known;
  const dot = path.indexOf('.');
  if (dot > 0) {
    const head = path.slice(0, dot);
    const mapWord = MAP_WORDS[head];
    if (mapWord !== undefined) return `${mapWord} ${path.slice(dot + 1)}`;
  }
  return path.split('.').map(splitCamel).join(' ');
}

/** A load resource as the user reads it (the bottleneck of a server). */
export function resourceWord(resource: 'activeSeries' | 'samplesPerSecond' | 'memoryBytes' | 'diskBytes'): string {
  switch (resource) {
    case 'activeSeries':
      return 'series';
    case 'samplesPerSecond':
      return 'samples/s';
    case 'memoryBytes':
      return 'memory';
    case 'diskBytes':
      return 'disk';
  }
}
