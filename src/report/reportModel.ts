/**
 * What the capacity report shows, computed from a document: its load, the load under each chosen
 * scenario, the assumptions, and the files its bundle holds. Pure; renderReport.ts turns it into HTML.
 */
import type { CatalogIndex, ExporterCatalog } from '../estimate/catalog.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { LoadEstimate } from '../estimate/types.ts';
import { generateBundle } from '../generate/generateBundle.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Topology } from '../model/types.ts';
import { validateTopology } from '../validate/validateTopology.ts';
import { reportAssumptions, type Assumption } from './assumptions.ts';
import type { Scenario } from './scenarios.ts';

/** A server's machine size as capacity planning gives it; either part may be unknown. */
export interface MachineSizeFigure {
  /** The size it needs (`8 vCPU, 32 GiB, 500 GiB`, or a preset name). */
  readonly size?: string;
  /** What decides the size (`memory`, `samples/s`, ...). */
  readonly bottleneck?: string;
}

/** Machine sizes by server id; a server absent here renders "not set". */
export type MachineSizes = Readonly<Record<string, MachineSizeFigure>>;

export interface ScenarioLoad {
  readonly scenario: Pick<Scenario, 'id' | 'name' | 'description'>;
  readonly estimate: LoadEstimate;
}

export interface ReportModel {
  /** File name shown in the title (`multi-dc.promtopo.json`). */
  readonly fileName: string;
  readonly topology: Topology;
  readonly estimate: LoadEstimate;
  readonly scenarios: readonly ScenarioLoad[];
  readonly assumptions: readonly Assumption[];
  readonly machineSizes: MachineSizes;
  /** Paths the exported bundle holds, or why there is no bundle (validation errors). */
  readonly bundle: { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly errors: readonly Diagnostic[] };
}

export interface ReportOptions {
  readonly fileName: string;
  readonly scenarios: readonly Scenario[];
  readonly catalogs: readonly ExporterCatalog[] | CatalogIndex;
  readonly machineSizes?: MachineSizes;
}

/** Everything the report shows for `topology`. */
export function buildReportModel(topology: Topology, options: ReportOptions): ReportModel {
  const errors = validateTopology(topology).filter((d) => d.severity === 'error');
  return {
    fileName: options.fileName,
    topology,
    estimate: estimateLoad(topology, options.catalogs),
    scenarios: options.scenarios.map((scenario) => ({
      scenario: { id: scenario.id, name: scenario.name, description: scenario.description },
      estimate: estimateLoad(scenario.apply(topology), options.catalogs),
    })),
    assumptions: reportAssumptions(topology),
    machineSizes: options.machineSizes ?? {},
    bundle: errors.length ? { ok: false, errors } : { ok: true, files: generateBundle(topology).files.map((f) => f.path) },
  };
}
