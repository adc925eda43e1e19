/**
 * prometheus-operator's own CustomResourceDefinitions (v0.93.0, ../shared/testdata/prometheus-operator-crds)
 * as ajv validators, keyed by `apiVersion/kind`. A missing folder or CRD fails loudly.
 *
 * The API server prunes unknown fields instead of rejecting them, so a plain schema check would let a
 * misspelt field through. As with `kubectl apply --validate=strict`, unknown fields are errors here:
 * every object schema that lists `properties` (and does not preserve unknown fields) is closed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { projectRoot } from './support.ts';

export const CRD_DIR = join(projectRoot, '../shared/testdata/prometheus-operator-crds');

type Schema = Record<string, unknown>;

function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema as Schema)) out[k] = k === 'enum' || k === 'default' || k === 'example' ? v : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

/**
 * The CRDs' `pattern`s are Go (RE2) regular expressions, as the API server runs them: a `(?i)` flag
 * group (`^(?i)(abort|warn)?$`, applying to the rest of the pattern) becomes JavaScript's `i` flag;
 * the rest of the syntax they use is common to both.
 */
const goRegExp = Object.assign((pattern: string, flags: string) => {
  const insensitive = pattern.includes('(?i)');
  return new RegExp(pattern.split('(?i)').join(''), insensitive ? `${flags}i` : flags);
}, { code: 'new RegExp' });

/** Validators for every served version of every CRD in the folder: `monitoring.coreos.com/v1/Prometheus`. */
export function loadCrdValidators(): Map<string, ValidateFunction> {
  if (!existsSync(CRD_DIR)) throw new Error(`prometheus-operator CRDs not found at ${CRD_DIR}: the Kubernetes manifests cannot be validated`);
  const files = readdirSync(CRD_DIR).filter((f) => f.endsWith('.yaml'));
  if (files.length === 0) throw new Error(`no CRD files in ${CRD_DIR}`);
  // strict: false for the x-kubernetes-* keywords; formats (int32, int64, ...) are OpenAPI annotations.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
  const out = new Map<string, ValidateFunction>();
  for (const file of files) {
    const crd = parse(readFileSync(join(CRD_DIR, file), 'utf8')) as { spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema: { openAPIV3Schema: unknown } }[] } };
    for (const version of crd.spec.versions) {
      if (!version.served) continue;
      const schema = closeObjects(version.schema.openAPIV3Schema) as Schema;
      // metadata is described by the API server, not the CRD: keep it open.
      if (schema.properties && typeof schema.properties === 'object') (schema.properties as Schema).metadata = { type: 'object' };
      out.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
    }
  }
  return out;
}

/** ajv's errors as one line each: `/spec/replicas must be integer`. */
export function errorLines(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
