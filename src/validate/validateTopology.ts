/**
 * validateTopology: every diagnostic of a document, in a stable order (sortDiagnostics). Pure and
 * deterministic; memoizes nothing (callers memoize on the document). Codes are documented in
 * docs/diagnostics.md. Schema problems are reported by parseTopology (`schema/invalid`) before a
 * document gets here.
 */
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import type { Topology } from '../model/types.ts';
import { checkAddresses } from './addresses.ts';
import { checkAddressNames } from './addressNames.ts';
import { checkAlertmanagers } from './alerting.ts';
import { makeContext } from './context.ts';
import { checkDurations } from './durations.ts';
import { checkExportTarget } from './exportTarget.ts';
import { checkFederation } from './federation.ts';
import { checkDangling, checkEdges } from './graph.ts';
import { checkGrafana } from './grafana.ts';
import { checkHa } from './ha.ts';
import { checkHashmod } from './hashmod.ts';
import { checkJobs } from './jobs.ts';
import { checkLabels } from './labels.ts';
import { checkNames } from './names.ts';
import { checkRawYaml } from './rawYaml.ts';
import { checkRemoteWrite } from './remoteWrite.ts';
import { checkRules } from './rules.ts';
import { checkSelectors } from './selectors.ts';

export function validateTopology(t: Topology): Diagnostic[] {
  const ctx = makeContext(t);
  checkNames(ctx);
  checkEdges(ctx);
  checkDurations(ctx);
  checkLabels(ctx);
  checkAddresses(ctx);
  checkAddressNames(ctx);
  const extraJobs = checkRawYaml(ctx);
  checkJobs(ctx, extraJobs);
  checkRules(ctx);
  checkSelectors(ctx);
  checkFederation(ctx);
  checkHa(ctx);
  checkHashmod(ctx);
  checkAlertmanagers(ctx);
  checkGrafana(ctx);
  checkRemoteWrite(ctx);
  checkExportTarget(ctx);
  checkDangling(ctx);
  return sortDiagnostics(ctx.out);
}
