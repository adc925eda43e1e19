/**
 * What a semantic diff of two topology documents holds: the elements added, removed or changed
 * (servers, target groups, Alertmanagers, Grafana, edges, `match[]` selectors, document settings),
 * each change named in the user's words, and the load change per server. Plain data, stable order,
 * so it serialises to the same JSON every time.
 */
import type { Bytes, SamplesPerSecond, SeriesCount } from '../model/types.ts';
import type { LoadResource } from '../estimate/types.ts';

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What kind of element a change is about. */
export type ElementKind = 'document' | 'server' | 'targets' | 'alertmanager' | 'grafana' | 'receiver' | 'querier' | 'edge' | 'selector';

/** One field that differs, in user words: `scrape interval: 15s -> 30s`. */
export interface FieldChange {
  /** Field path in the document (`scrapeInterval`, `ha.replicas`, `externalLabels.dc`). */
  readonly field: string;
  /** The field as the user reads it (`scrape interval`, `HA replicas`, `external label dc`). */
  readonly label: string;
  /** Shown value before; absent when the field was not set. */
  readonly before?: string;
  /** Shown value after; absent when the field is no longer set. */
  readonly after?: string;
}

/** One element added, removed or changed. */
export interface ElementChange {
  readonly change: ChangeKind;
  readonly element: ElementKind;
  /** How the element is named (`leaf "prom-eu-1"`, `federation edge global -> prom-eu-1`). */
  readonly title: string;
  /** Id in the old document (absent when added). */
  readonly oldId?: string;
  /** Id in the new document (absent when removed). */
  readonly newId?: string;
  /** A selector change: the edge it belongs to (id in the new document, else the old). */
  readonly edgeId?: string;
  /** How an old and a new element were paired: same id, or same name after the id changed. */
  readonly matchedBy?: 'id' | 'name' | 'ends';
  /** For `changed`: the fields that differ (empty for added/removed). */
  readonly fields: readonly FieldChange[];
}

/** Load figures of one server in one version (all instances together, as estimate/ gives them). */
export interface LoadFigures {
  readonly activeSeries: SeriesCount;
  readonly samplesPerSecond: SamplesPerSecond;
  readonly memoryBytes: Bytes;
  readonly diskBytes: Bytes;
  readonly instanceCount: number;
  /** Busiest instance against its capacity (1 = full); absent when no capacity is known. */
  readonly utilisation?: number;
  readonly bottleneck?: LoadResource;
  /** The smallest machine size that holds the busiest instance (capacity/); absent when none does. */
  readonly neededSize?: string;
  /** Price per month of all instances on the chosen (else needed) size, when that size is priced. */
  readonly pricePerMonth?: number;
}

/** The load of one server before and after (absent side: the server did not exist). */
export interface ServerLoadChange {
  /** Id in the new document, else the old one. */
  readonly id: string;
  readonly name: string;
  readonly before?: LoadFigures;
  readonly after?: LoadFigures;
}

/** The whole diff. */
export interface TopologyDiff {
  /** True when anything but canvas positions differs. */
  readonly changed: boolean;
  /** Elements in order: document, servers, target groups, Alertmanagers, Grafana, edges, selectors. */
  readonly changes: readonly ElementChange[];
  /** Servers whose load differs, by name. */
  readonly load: readonly ServerLoadChange[];
  /** Names of nodes only moved on the canvas (not a change of what Prometheus does). */
  readonly moved: readonly string[];
}
