/**
 * The import entry's hook for deployment forms PromTopo exports: a docker compose export
 * (docker-compose.yml + mounted configs) or a Kubernetes export (prometheus-operator manifests).
 * Undefined when the files are neither, so the ordinary import runs. Round-trip normalisation:
 * docs/import.md.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { hasErrors, sortDiagnostics } from '../../model/diagnostic.ts';
import { withExportTarget } from '../../model/exportTarget.ts';
import type { Topology } from '../../model/types.ts';
import { isComposeFile, mountsImportedConfigs, readCompose } from './readCompose.ts';
import type { FileText } from './readCompose.ts';
import { isOperatorManifest, readKubernetes } from './readKubernetes.ts';

export interface DeploymentImport {
  readonly ok: boolean;
  readonly topology?: Topology;
  readonly diagnostics: Diagnostic[];
}

/** Imports compose or Kubernetes forms; `importFiles` is the ordinary import (for compose's mounted configs). */
export function readDeploymentForms(files: readonly FileText[], importFiles: (files: readonly FileText[]) => DeploymentImport): DeploymentImport | undefined {
  const compose = files.find((f) => isComposeFile(f.name) && mountsImportedConfigs(f, files));
  if (compose) {
    const read = readCompose(compose, files);
    if (hasErrors(read.diagnostics)) return { ok: false, diagnostics: sortDiagnostics(read.diagnostics) };
    const result = importFiles(read.files);
    const diagnostics = sortDiagnostics([...read.diagnostics, ...result.diagnostics]);
    // Exporting the imported design again writes the same target.
    return result.topology ? { ...result, topology: withExportTarget(result.topology, 'compose'), diagnostics } : { ...result, diagnostics };
  }
  const manifests = files.filter((f) => isOperatorManifest(f.text));
  if (manifests.length > 0) {
    const read = readKubernetes(files.filter((f) => /\.ya?ml$/i.test(f.name)));
    const ok = read.topology !== undefined && !hasErrors(read.diagnostics);
    return ok ? { ok, topology: read.topology, diagnostics: sortDiagnostics(read.diagnostics) } : { ok: false, diagnostics: sortDiagnostics(read.diagnostics) };
  }
  return undefined;
}
