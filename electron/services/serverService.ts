/**
 * The host operations on running servers: measure one (for actual beside predicted), import a
 * topology from one, and keep server links in local settings (never in the document). Every URL is
 * checked (http/https, no credentials) before anything is read or stored.
 */
import type { HostRequest, HostResponse } from '../../src/host-api.ts';
import { serializeTopology } from '../../src/model/document.ts';
import { hasErrors } from '../../src/model/diagnostic.ts';
import { importFromServer, serverNameFromUrl } from '../../src/import/fromServer.ts';
import { parseServerUrl } from './prometheusApi.ts';
import { measureServer } from './serverMeasurement.ts';
import { serverLinks, setServerLink } from './settings.ts';

export async function measureServerOperation(req: HostRequest<'measureServer'>): Promise<HostResponse<'measureServer'>> {
  const url = parseServerUrl(req.url);
  if (!url.ok) return { ok: false, url: req.url, error: url.error };
  const m = await measureServer(url.url);
  if (!m.ok) return { ok: false, url: url.url, error: m.error };
  const { series, samplesPerSecond, residentMemoryBytes } = m.value;
  return { ok: true, url: url.url, measured: { series, samplesPerSecond, ...(residentMemoryBytes !== undefined ? { memoryBytes: residentMemoryBytes } : {}) } };
}

export async function importFromServerOperation(req: HostRequest<'importFromServer'>): Promise<HostResponse<'importFromServer'>> {
  const url = parseServerUrl(req.url);
  if (!url.ok) return { ok: false, diagnostics: [{ code: 'import/unreadable', severity: 'error', message: url.error, at: {} }] };
  const m = await measureServer(url.url);
  if (!m.ok) return { ok: false, diagnostics: [{ code: 'import/unreadable', severity: 'error', message: m.error, at: {} }] };
  const result = importFromServer({ url: url.url, name: req.name ?? serverNameFromUrl(url.url), configYaml: m.value.configYaml, snapshot: m.value });
  if (!result.ok || !result.topology || hasErrors(result.diagnostics)) return { ok: false, diagnostics: result.diagnostics };
  return { ok: true, document: serializeTopology(result.topology), diagnostics: result.diagnostics };
}

export async function serverLinksOperation(req: HostRequest<'serverLinks'>, dir?: string): Promise<HostResponse<'serverLinks'>> {
  if (!req.set) return { ok: true, links: await serverLinks(dir) };
  if (req.set.url === null) return { ok: true, links: await setServerLink(req.set.key, null, dir) };
  const url = parseServerUrl(req.set.url);
  if (!url.ok) return { ok: false, links: await serverLinks(dir), error: url.error };
  return { ok: true, links: await setServerLink(req.set.key, url.url, dir) };
}
