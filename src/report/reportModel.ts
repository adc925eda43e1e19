/**
 * What the capacity report shows, computed from a document: its load, the load under each chosen
 * scenario, the assumptions, and the files its bundle holds. Pure; renderReport.ts turns it into HTML.
 */
import { serverCapacity } from '../capacity/serverCapacity.ts';
import type { ServerCapacity } from '../capacity/types.ts';
import type { CatalogIndex, ExporterCatalog } from '../estimate/catalog.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { LoadEstimate } from '../estimate/types.ts';
import { generateBundle } from '../generate/generateBundle.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Topology } from '../model/types.ts';
import { validateTopology } from '../validate/validateTopology.ts';
import { reportAssumptions, type Assumption } from './assumptions.ts';
import type { Scenario } from './scenarios.ts';

/** Machine-terms capacity by server id (capacity/serverCapacity.ts); a server absent here renders "not set". */
export type MachineCapacities = Readonly<Record<string, ServerCapacity>>;

export interface ScenarioLoad {
  readonly scenario: Pick<Scenario, 'id' | 'name' | 'description'>;
  readonly estimate: LoadEstimate;
  readonly capacity: MachineCapacities;
}

export interface ReportModel {
  /** File name shown in the title (`multi-dc.promtopo.json`). */
  readonly fileName: string;
  readonly topology: Topology;
  readonly estimate: LoadEstimate;
  readonly scenarios: readonly ScenarioLoad[];
  readonly assumptions: readonly Assumption[];
  /** Needed and chosen machine size, bottleneck and price of every server. */
  readonly capacity: MachineCapacities;
  /** Paths the exported bundle holds, or why there is no bundle (validation errors). */
  readonly bundle: { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly errors: readonly Diagnostic[] };
}

export interface ReportOptions {
  readonly fileName: string;
  readonly scenarios: readonly Scenario[];
  readonly catalogs: readonly ExporterCatalog[] | CatalogIndex;
}

/** Everything the report shows for `topology`. */
export function buildReportModel(topology: Topology, options: ReportOptions): ReportModel {
  const errors = validateTopology(topology).filter((d) => d.severity === 'error');
  const estimate = estimateLoad(topology, options.catalogs);
  return {
    fileName: options.fileName,
    topology,
    estimate,
    scenarios: options.scenarios.map((scenario) => {
      const changed = scenario.apply(topology);
      const scenarioEstimate = estimateLoad(changed, options.catalogs);
      return {
        scenario: { id: scenario.id, name: scenario.name, description: scenario.description },
        estimate: scenarioEstimate,
        capacity: serverCapacity(changed, scenarioEstimate),
      };
    }),
    assumptions: reportAssumptions(topology),
    capacity: serverCapacity(topology, estimate),
    bundle: errors.length ? { ok: false, errors } : { ok: true, files: generateBundle(topology).files.map((f) => f.path) },
  };
}
