/**
 * What a server node shows of the running servers it is linked to: the link keys of its instances
 * (one per HA replica and hashmod shard), and the measured figures of the linked instances summed
 * beside the prediction for those instances, with the error in percent. Pure functions.
 */
import type { ServerInstance } from '../../../src/model/instances.ts';

/** Measured figures of one running server, as the host's measureServer answers them. */
export interface MeasuredFigures {
  readonly series: number;
  readonly samplesPerSecond: number;
  readonly memoryBytes?: number;
}

/** The last measurement of one linked instance. */
export type InstanceMeasurement =
  | { readonly state: 'measuring'; readonly url: string }
  | { readonly state: 'measured'; readonly url: string; readonly measured: MeasuredFigures }
  | { readonly state: 'failed'; readonly url: string; readonly error: string };

/** Predicted figures of the whole server node (every instance together). */
export interface PredictedFigures {
  readonly series: number;
  readonly samplesPerSecond: number;
  readonly memoryBytes?: number;
}

export interface LinkedServerView {
  /** Instances linked to a URL / instances the node has. */
  readonly linked: number;
  readonly instances: number;
  /** The prediction for the linked instances only (the node's share per instance times linked). */
  readonly predicted: PredictedFigures;
  /** Sum over the measured instances; undefined until every linked instance was measured. */
  readonly measured?: MeasuredFigures;
  readonly errorPercent: { readonly series: number | null; readonly samplesPerSecond: number | null; readonly memoryBytes: number | null };
  /** Failures, each naming its URL. */
  readonly errors: readonly string[];
  readonly measuring: boolean;
}

/**
 * The settings key of one instance's link: the document name and node id, and the instance key
 * (`a`, `shard-1-b`) where the node has more than one instance.
 */
export function linkKey(documentName: string, nodeId: string, instanceKey: string): string {
  return instanceKey ? `${documentName}/${nodeId}#${instanceKey}` : `${documentName}/${nodeId}`;
}

/** The link keys of a node's instances, in instance order. */
export function instanceLinkKeys(documentName: string, nodeId: string, instances: readonly Pick<ServerInstance, 'key'>[]): string[] {
  return instances.map((i) => linkKey(documentName, nodeId, i.key));
}

function errorPercent(predicted: number | undefined, measured: number | undefined): number | null {
  if (predicted === undefined || measured === undefined || !Number.isFinite(measured) || measured === 0) return null;
  return ((predicted - measured) / measured) * 100;
}

/**
 * The view of a node whose instances have the link keys `keys`; undefined when none is linked.
 * `links` maps link keys to URLs, `measurements` link keys to their last measurement.
 */
export function linkedServerView(
  keys: readonly string[],
  links: Readonly<Record<string, string>>,
  measurements: Readonly<Record<string, InstanceMeasurement>>,
  predictedTotal: PredictedFigures,
): LinkedServerView | undefined {
  const linkedKeys = keys.filter((k) => links[k] !== undefined);
  if (linkedKeys.length === 0) return undefined;
  const share = linkedKeys.length / Math.max(1, keys.length);
  const predicted: PredictedFigures = {
    series: predictedTotal.series * share,
    samplesPerSecond: predictedTotal.samplesPerSecond * share,
    ...(predictedTotal.memoryBytes !== undefined ? { memoryBytes: predictedTotal.memoryBytes * share } : {}),
  };
  // A measurement taken for another URL than the link now holds is stale.
  const current = linkedKeys.flatMap((k) => {
    const m = measurements[k];
    return m !== undefined && m.url === links[k] ? [m] : [];
  });
  const measuredAll = current.filter((m): m is Extract<InstanceMeasurement, { state: 'measured' }> => m.state === 'measured');
  const errors = current.filter((m): m is Extract<InstanceMeasurement, { state: 'failed' }> => m.state === 'failed').map((m) => m.error);
  const complete = measuredAll.length === linkedKeys.length;
  const memoryKnown = measuredAll.every((m) => m.measured.memoryBytes !== undefined);
  const measured: MeasuredFigures | undefined = complete
    ? {
        series: measuredAll.reduce((n, m) => n + m.measured.series, 0),
        samplesPerSecond: measuredAll.reduce((n, m) => n + m.measured.samplesPerSecond, 0),
        ...(memoryKnown ? { memoryBytes: measuredAll.reduce((n, m) => n + (m.measured.memoryBytes ?? 0), 0) } : {}),
      }
    : undefined;
  return {
    linked: linkedKeys.length,
    instances: keys.length,
    predicted,
    ...(measured ? { measured } : {}),
    errorPercent: {
      series: errorPercent(predicted.series, measured?.series),
      samplesPerSecond: errorPercent(predicted.samplesPerSecond, measured?.samplesPerSecond),
      memoryBytes: errorPercent(predicted.memoryBytes, measured?.memoryBytes),
    },
    errors,
    measuring: current.some((m) => m.state === 'measuring'),
  };
}
