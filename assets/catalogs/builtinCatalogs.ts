/**
 * The built-in exporter catalogs (the JSON files next to this module), checked and ready for
 * `estimateLoad(topology, builtinCatalogs)`. Lives in assets/ because src/ may not import assets/;
 * the renderer (Vite) and the Node side (tsx/esbuild) both bundle the JSON.
 */
import { parseCatalog, type ExporterCatalog } from '../../src/estimate/catalog.ts';
import alertmanager from './alertmanager.json';
import cadvisor from './cadvisor.json';
import kubeStateMetrics from './kube-state-metrics.json';
import nodeExporter from './node_exporter.json';
import prometheus from './prometheus.json';

/** Every built-in catalog, by id order. */
export const builtinCatalogs: readonly ExporterCatalog[] = [alertmanager, cadvisor, kubeStateMetrics, nodeExporter, prometheus]
  .map((value) => parseCatalog(value))
  .sort((a, b) => a.id.localeCompare(b.id));
