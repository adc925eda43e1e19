// Every example (and the generator's edge cases and variants) exported to every deployment target,
// checked by the real validators: prometheus-operator's CRD schemas (ajv), promtool on the configs
// and rules embedded in manifests, amtool on Alertmanager config Secrets, Debian's
// `docker-compose config -q` on docker-compose.yml, and `systemd-analyze verify` on the units.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { Bundle } from '../../src/generate/bundle.ts';
import { generateTarget } from '../../src/generate/targets/generateTarget.ts';
import { ADDITIONAL_SCRAPE_KEY } from '../../src/generate/targets/kubernetes.ts';
import { errorLines, loadCrdValidators } from './crdSchemas.ts';
import { usesRemoteWriteParts } from '../../src/validate/exportTarget.ts';
import { edgeCases, variants } from './cases.ts';
import { loadExamples, requireTool, run, writeBundleToTempDir } from './support.ts';
import { parseUnitFile } from './unitFile.ts';

const promtool = requireTool(['promtool'], 'prometheus');
const amtool = requireTool(['amtool'], 'prometheus-alertmanager');
const dockerCompose = requireTool(['docker-compose'], 'docker-compose');
const systemdAnalyze = requireTool(['systemd-analyze'], 'systemd');
const crds = loadCrdValidators();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (bundle: Bundle) => {
  const dir = writeBundleToTempDir(bundle, 'promtopo-target-');
  dirs.push(dir);
  return dir;
};
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'promtopo-embedded-'));
  dirs.push(dir);
  return dir;
};

/** `systemd-analyze verify` works here (it needs no systemd as PID 1 on systemd 252, but say so when it does not). */
const verifyRuns = (() => {
  const dir = scratch();
  writeFileSync(join(dir, 'probe.service'), '[Unit]\nDescription=probe\n[Service]\nExecStart=/bin/true\n');
  const r = run(systemdAnalyze, ['verify', join(dir, 'probe.service')]);
  return r.status === 0 && r.output.trim() === '';
})();
console.log(`systemd units: ${verifyRuns ? 'systemd-analyze verify and the unit-file parser' : 'the unit-file parser only (systemd-analyze verify does not run here)'}`);

// Agents, remote_write and Thanos are generated for the plain bundle only (validation refuses the other targets).
const cases = [
  ...loadExamples(),
  ...edgeCases().map((c) => ({ file: c.name, topology: c.topology })),
  ...loadExamples().flatMap((e) => variants(e.file, e.topology)).map((c) => ({ file: c.name, topology: c.topology })),
].filter((c) => !usesRemoteWriteParts(c.topology));

interface Manifest { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; stringData?: Record<string, string>; data?: Record<string, string> }

function manifestsOf(bundle: Bundle): { path: string; doc: Manifest }[] {
  return bundle.files.filter((f) => f.path.startsWith('manifests/')).flatMap((f) => parseAllDocuments(f.contents).map((d) => {
    expect(d.errors, f.path).toEqual([]);
    return { path: f.path, doc: d.toJS() as Manifest };
  }));
}

/** The scrape job list of an additionalScrapeConfigs Secret as a whole prometheus.yml (text kept as written). */
function configWithJobs(list: string): string {
  return `scrape_configs:\n${list.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}\n`;
}

describe.each(cases)('kubernetes export of $file', ({ topology }) => {
  const bundle = generateTarget(topology, 'kubernetes');
  const manifests = manifestsOf(bundle);

  it('validates every custom resource against prometheus-operator v0.93 CRD schemas', () => {
    const custom = manifests.filter((m) => m.doc.apiVersion.startsWith('monitoring.coreos.com/'));
    expect(custom.some((m) => m.doc.kind === 'Prometheus')).toBe(true);
    const problems: string[] = [];
    for (const { path, doc } of custom) {
      const validate = crds.get(`${doc.apiVersion}/${doc.kind}`);
      if (!validate) problems.push(`${path}: no CRD for ${doc.apiVersion} ${doc.kind}`);
      else if (!validate(doc)) problems.push(...errorLines(validate).map((e) => `${path}: ${e}`));
    }
    expect(problems).toEqual([]);
  });

  it('lists every manifest in kustomization.yaml, each with a DNS-safe name in namespace monitoring', () => {
    const kustomization = parse(bundle.files.find((f) => f.path === 'kustomization.yaml')!.contents) as { resources: string[]; namespace: string };
    expect(kustomization.resources).toEqual(bundle.files.filter((f) => f.path.startsWith('manifests/')).map((f) => f.path).sort());
    for (const { path, doc } of manifests) {
      expect(doc.metadata.name, path).toMatch(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/);
      if (doc.kind !== 'Namespace') expect(doc.metadata.namespace, path).toBe(kustomization.namespace);
    }
  });

  it('every Prometheus selects exactly its ScrapeConfigs and rules, and every referenced Secret exists', () => {
    const prometheuses = manifests.filter((m) => m.doc.kind === 'Prometheus').map((m) => m.doc);
    const secrets = new Set(manifests.filter((m) => m.doc.kind === 'Secret').map((m) => m.doc.metadata.name));
    for (const p of prometheuses) {
      const selector = (p.spec!.scrapeConfigSelector as { matchLabels: Record<string, string> }).matchLabels;
      const picked = manifests.filter((m) => m.doc.kind === 'ScrapeConfig' && Object.entries(selector).every(([k, v]) => m.doc.metadata.labels?.[k] === v));
      for (const m of picked) expect(m.doc.metadata.name.startsWith(`${p.metadata.name}.`)).toBe(true);
      const extra = p.spec!.additionalScrapeConfigs as { name: string } | undefined;
      if (extra) expect(secrets.has(extra.name), extra.name).toBe(true);
    }
  });

  it('the embedded additional scrape configs pass promtool check config', () => {
    const secrets = manifests.filter((m) => m.doc.kind === 'Secret' && m.doc.stringData?.[ADDITIONAL_SCRAPE_KEY] !== undefined);
    if (secrets.length === 0) return;
    const dir = scratch();
    const files = secrets.map((s, i) => {
      const file = join(dir, `prometheus-${i}.yml`);
      writeFileSync(file, configWithJobs(s.doc.stringData![ADDITIONAL_SCRAPE_KEY]!));
      return file;
    });
    const r = run(promtool, ['check', 'config', ...files]);
    expect(r.status, r.output).toBe(0);
  });

  it('every PrometheusRule passes promtool check rules', () => {
    const rules = manifests.filter((m) => m.doc.kind === 'PrometheusRule');
    if (rules.length === 0) return;
    const dir = scratch();
    const files = rules.map((m, i) => {
      const file = join(dir, `rules-${i}.yml`);
      writeFileSync(file, JSON.stringify({ groups: m.doc.spec!.groups }));
      return file;
    });
    const r = run(promtool, ['check', 'rules', ...files]);
    expect(r.status, r.output).toBe(0);
  });

  it('every Alertmanager config Secret passes amtool check-config, one Secret per Alertmanager', () => {
    for (const am of manifests.filter((m) => m.doc.kind === 'Alertmanager')) {
      const secret = manifests.find((m) => m.doc.kind === 'Secret' && m.doc.metadata.name === am.doc.spec!.configSecret);
      expect(secret, String(am.doc.spec!.configSecret)).toBeDefined();
      const file = join(scratch(), 'alertmanager.yml');
      writeFileSync(file, secret!.doc.stringData!['alertmanager.yaml']!);
      const r = run(amtool, ['check-config', file]);
      expect(r.status, r.output).toBe(0);
    }
  });

  it('Grafana ConfigMaps hold provisioning files with exactly one default data source', () => {
    for (const cm of manifests.filter((m) => m.doc.kind === 'ConfigMap')) {
      for (const text of Object.values(cm.doc.data ?? {})) {
        const doc = parse(text) as { datasources: { isDefault: boolean; url: string }[] };
        expect(doc.datasources.filter((d) => d.isDefault)).toHaveLength(1);
        for (const d of doc.datasources) expect(d.url).toMatch(/^http:\/\/prometheus-[a-z0-9-]+\.prometheus-operated\.monitoring\.svc:9090$/);
      }
    }
  });
});

describe.each(cases)('compose export of $file', ({ topology }) => {
  const bundle = generateTarget(topology, 'compose');
  const dir = tempDir(bundle);
  const compose = parse(bundle.files.find((f) => f.path === 'docker-compose.yml')!.contents) as { services: Record<string, { image: string; ports: string[]; volumes: string[]; healthcheck: unknown }>; volumes: Record<string, unknown> };

  it('passes docker-compose config -q', () => {
    const r = run(dockerCompose, ['-f', join(dir, 'docker-compose.yml'), 'config', '-q'], dir);
    expect(r.status, r.output).toBe(0);
  });

  it('runs every instance with a pinned image, a health check, a named volume and a published port that does not clash', () => {
    const hostPorts = Object.values(compose.services).flatMap((s) => s.ports.map((p) => p.split(':')[1]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    for (const [name, s] of Object.entries(compose.services)) {
      expect(s.image, name).toMatch(/^[a-z/]+:v?\d+\.\d+\.\d+$/);
      expect(s.healthcheck, name).toBeDefined();
      const named = s.volumes.map((v) => v.split(':')[0]!).filter((v) => !v.startsWith('./'));
      expect(named.length, name).toBe(1);
      expect(Object.keys(compose.volumes)).toContain(named[0]);
    }
  });

  it('mounts files that are in the bundle, and their Prometheus configs pass promtool', () => {
    const mounted = Object.values(compose.services).flatMap((s) => s.volumes.filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]!.slice(2)));
    for (const m of mounted) expect(existsSync(join(dir, m)), m).toBe(true);
    const configs = bundle.files.filter((f) => f.path.endsWith('/prometheus.yml')).map((f) => join(dir, f.path));
    expect(configs.length).toBeGreaterThan(0);
    const r = run(promtool, ['check', 'config', ...configs]);
    expect(r.status, r.output).toBe(0);
  });
});

describe.each(cases)('systemd export of $file', ({ topology }) => {
  const bundle = generateTarget(topology, 'systemd');
  const dir = tempDir(bundle);
  const units = bundle.files.filter((f) => f.path.startsWith('systemd/'));

  it('has one unit per instance, each parsing with User=, restart policy, hardening and an ExecStart naming bundle files', () => {
    const instances = bundle.files.filter((f) => /^prometheus\/[^/]+\/prometheus\.yml$/.test(f.path)).length;
    expect(units.filter((u) => u.path.includes('promtopo-prometheus-')).length).toBe(instances);
    for (const u of units) {
      const unit = parseUnitFile(u.contents);
      expect(unit.problems, u.path).toEqual([]);
      const service = unit.sections.Service!;
      expect(service.User, u.path).toEqual(['prometheus']);
      expect(service.Restart, u.path).toEqual(['on-failure']);
      expect(service.ProtectSystem, u.path).toEqual(['strict']);
      expect(service.NoNewPrivileges, u.path).toEqual(['yes']);
      const config = /--config\.file=\/etc\/promtopo\/(\S+)/.exec(service.ExecStart![0]!)?.[1];
      expect(config && bundle.files.some((f) => f.path === config), `${u.path}: ${config}`).toBe(true);
    }
  });

  it(verifyRuns ? 'passes systemd-analyze verify with no finding' : 'systemd-analyze verify cannot run here (the parser test stands in)', () => {
    const r = run(systemdAnalyze, ['verify', ...units.map((u) => join(dir, u.path))]);
    if (!verifyRuns) {
      expect(r.status !== 0 || r.output.trim() !== '').toBe(true);
      return;
    }
    expect(r.output.trim()).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the validators reject what they should (the checks are real)', () => {
  const { topology } = loadExamples().find((e) => e.file === 'multi-dc.promtopo.json')!;
  const manifests = manifestsOf(generateTarget(topology, 'kubernetes'));
  const prometheus = manifests.find((m) => m.doc.kind === 'Prometheus')!.doc;
  const validate = crds.get('monitoring.coreos.com/v1/Prometheus')!;

  it('a CRD schema rejects a misspelt field and a wrong type', () => {
    expect(validate({ ...prometheus, spec: { ...prometheus.spec, replica: 2 } })).toBe(false);
    expect(errorLines(validate).join('\n')).toContain('replica');
    expect(validate({ ...prometheus, spec: { ...prometheus.spec, replicas: 'two' } })).toBe(false);
    expect(validate({ ...prometheus, spec: { ...prometheus.spec, retention: '15 days' } })).toBe(false);
  });

  it('docker-compose config rejects an unknown key, naming it', () => {
    const bundle = generateTarget(topology, 'compose');
    const dir = tempDir({ files: bundle.files.map((f) => (f.path === 'docker-compose.yml' ? { ...f, contents: f.contents.replace('    restart: unless-stopped', '    restrat: unless-stopped') } : f)) });
    const r = run(dockerCompose, ['-f', join(dir, 'docker-compose.yml'), 'config', '-q'], dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('restrat');
  });

  it('the unit-file parser and systemd-analyze report a misspelt key', () => {
    const unit = generateTarget(topology, 'systemd').files.find((f) => f.path.startsWith('systemd/'))!;
    const bad = unit.contents.replace('Restart=on-failure', 'Restartt=on-failure');
    expect(parseUnitFile(bad).problems.join('\n')).toContain('Restartt');
    if (verifyRuns) {
      const file = join(scratch(), 'bad.service');
      writeFileSync(file, bad);
      expect(run(systemdAnalyze, ['verify', file]).output).toContain('Restartt');
    }
  });

  it('promtool rejects an embedded job list with a broken relabel config', () => {
    const file = join(scratch(), 'prometheus.yml');
    writeFileSync(file, configWithJobs('- job_name: x\n  relabel_configs:\n    - action: hashmod\n      source_labels: [__address__]\n'));
    expect(spawnSync(promtool, ['check', 'config', file]).status).toBe(1);
  });
});
