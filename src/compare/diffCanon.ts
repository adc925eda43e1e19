/**
 * Differences between two canonical configurations, each named by its place (section, job, field)
 * and told in plain words. Secret values (passwords, credentials, client secrets) are never printed.
 */
import type { Canon, CanonRecord } from './canon.ts';
import { CanonSet, canonKey, isRecord } from './canon.ts';

/** One thing the round trip would change. */
export interface ConfigDifference {
  /** The original file (`eu/prometheus.yml`). */
  readonly file: string;
  /** The scrape job, when the difference is inside one. */
  readonly job?: string;
  /** Where, inside the job or the file: `scrape_interval`, `relabel_configs[1].regex`, `global.external_labels.dc`. */
  readonly field: string;
  /** The value in the original, summarised; absent when the original does not have it. */
  readonly original?: string;
  /** The value after the round trip, summarised; absent when the round trip drops it. */
  readonly roundTrip?: string;
  /** The whole difference in one sentence. */
  readonly message: string;
}

const SECRET_KEYS = new Set(['password', 'credentials', 'client_secret', 'secret_key', 'bearer_token', 'access_key']);
const MAX_SUMMARY = 160;

/** A short text of a value, secrets masked. */
export function summarize(v: Canon, key = ''): string {
  const text = summaryOf(v, key);
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 3)}...` : text;
}

function summaryOf(v: Canon, key: string): string {
  if (typeof v === 'string') return SECRET_KEYS.has(key) ? '<secret>' : /^[\w.:/@$-]+$/.test(v) ? v : JSON.stringify(v);
  if (v instanceof CanonSet) return `{${v.items.map((i) => summaryOf(i, '')).join(', ')}}`;
  if (Array.isArray(v)) return `[${(v as readonly Canon[]).map((i) => summaryOf(i, '')).join(', ')}]`;
  const rec = v as CanonRecord;
  return `{${Object.keys(rec).map((k) => `${k}: ${summaryOf(rec[k] as Canon, k)}`).join(', ')}}`;
}

type Segment = string | number;

interface Place {
  readonly job?: string;
  readonly where: string;
  readonly field: string;
}

/** Sections whose first key below names a thing (a job, a rule group, a remote endpoint). */
const NAMED: Record<string, string> = { scrape_configs: 'job', rule_groups: 'rule group', remote_write: 'remote_write', remote_read: 'remote_read' };

function fieldText(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function placeOf(path: readonly Segment[]): Place {
  const [section, name, ...inner] = path;
  const kind = typeof section === 'string' ? NAMED[section] : undefined;
  if (kind && typeof name === 'string') {
    const field = fieldText(inner);
    return { ...(section === 'scrape_configs' ? { job: name } : {}), where: `${kind} "${name}"`, field };
  }
  return { where: '', field: fieldText(path) };
}

function describe(file: string, path: readonly Segment[], a: Canon | undefined, b: Canon | undefined): ConfigDifference {
  const place = placeOf(path);
  const last = path[path.length - 1];
  const key = typeof last === 'string' ? last : '';
  const original = a === undefined ? undefined : summarize(a, key);
  const roundTrip = b === undefined ? undefined : summarize(b, key);
  const subject = place.field ? `${place.where ? `${place.where}: ` : ''}${place.field}` : place.where;
  let text: string;
  const parent = path[path.length - 2];
  if (path[0] === 'rule_files_not_found' && path.length === 1) {
    const named = a === undefined ? roundTrip : original;
    text = `rule_files names ${named}, a file that is not among the files ${a === undefined ? 'of the round trip' : 'of the original'} (its rules are not loaded there)`;
  } else if (path[path.length - 3] === 'static_configs' && typeof parent === 'string' && typeof last === 'string') {
    const where = `${place.where ? `${place.where}: ` : ''}target ${parent}: label ${last}`;
    text = a === undefined ? `${where}=${roundTrip} would be added by the round trip`
      : b === undefined ? `${where}=${original} would be dropped by the round trip`
        : `${where} is ${original} in the original, ${roundTrip} after the round trip`;
  } else if (parent === 'static_configs' && typeof last === 'string') {
    text = a === undefined
      ? `${place.where ? `${place.where}: ` : ''}target ${last} would be added by the round trip (labels ${roundTrip})`
      : b === undefined ? `${place.where ? `${place.where}: ` : ''}target ${last} (labels ${original}) would no longer be scraped after the round trip`
        : `${place.where ? `${place.where}: ` : ''}target ${last} has labels ${original} in the original, ${roundTrip} after the round trip`;
  } else if (place.field === '' && place.where) {
    text = a === undefined ? `${subject} would be added by the round trip` : `${subject} would be dropped by the round trip`;
  } else if (a === undefined) text = `${subject}: ${roundTrip} would be added by the round trip`;
  else if (b === undefined) text = `${subject}: ${original} would be dropped by the round trip`;
  else text = `${subject} is ${original} in the original, ${roundTrip} after the round trip`;
  return {
    file,
    ...(place.job !== undefined ? { job: place.job } : {}),
    field: place.field || place.where,
    ...(original !== undefined ? { original } : {}),
    ...(roundTrip !== undefined ? { roundTrip } : {}),
    message: `${file}: ${text}`,
  };
}

/** Every difference between `a` (original) and `b` (round trip), in a stable order. */
export function diffCanon(file: string, a: Canon, b: Canon, path: readonly Segment[] = []): ConfigDifference[] {
  if (canonKey(a) === canonKey(b)) return [];
  if (isRecord(a) && isRecord(b) && path.length === 1 && path[0] === 'scrape_configs') return diffJobs(file, a, b);
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      const va = a[k];
      const vb = b[k];
      if (va === undefined || vb === undefined) return [describe(file, [...path, k], va, vb)];
      return diffCanon(file, va, vb, [...path, k]);
    });
  }
  if (a instanceof CanonSet && b instanceof CanonSet) return diffSets(file, a, b, path);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return (a as readonly Canon[]).flatMap((item, i) => diffCanon(file, item, (b as readonly Canon[])[i] as Canon, [...path, i]));
  }
  return [describe(file, path, a, b)];
}

/** Most field differences for which a job only in the original and one only in the round trip count as one renamed job. */
const RENAME_LIMIT = 3;

/** Jobs by name; a job whose name changed but little else is reported as renamed, with what else changed. */
function diffJobs(file: string, a: CanonRecord, b: CanonRecord): ConfigDifference[] {
  const out: ConfigDifference[] = [];
  const onlyA = Object.keys(a).filter((k) => !(k in b)).sort();
  const onlyB = new Set(Object.keys(b).filter((k) => !(k in a)));
  for (const k of Object.keys(a).sort()) if (k in b) out.push(...diffCanon(file, a[k] as Canon, b[k] as Canon, ['scrape_configs', k]));
  for (const k of onlyA) {
    let best: { name: string; differences: ConfigDifference[] } | undefined;
    for (const n of [...onlyB].sort()) {
      const differences = diffCanon(file, a[k] as Canon, b[n] as Canon, ['scrape_configs', k]);
      if (differences.length <= RENAME_LIMIT && (!best || differences.length < best.differences.length)) best = { name: n, differences };
    }
    if (!best) {
      out.push(describe(file, ['scrape_configs', k], a[k], undefined));
      continue;
    }
    onlyB.delete(best.name);
    const renamed = b[best.name];
    const discovers = isRecord(renamed) && Object.entries(renamed).some(([key, v]) => key.endsWith('_sd_configs') && v instanceof CanonSet && v.items.length > 0);
    const why = discovers ? ` (its discovered targets get job="${best.name}")` : '';
    out.push({ file, job: k, field: 'job_name', original: k, roundTrip: best.name, message: `${file}: job "${k}" is renamed to "${best.name}" by the round trip${why}` }, ...best.differences);
  }
  for (const n of [...onlyB].sort()) out.push(describe(file, ['scrape_configs', n], undefined, b[n]));
  return out;
}

/**
 * Items of a set only on one side; an item only in the original that differs little from one only
 * in the round trip is reported by what changed inside it (the discovery config whose port changed).
 */
function diffSets(file: string, a: CanonSet, b: CanonSet, path: readonly Segment[]): ConfigDifference[] {
  const inB = new Set(b.items.map(canonKey));
  const inA = new Set(a.items.map(canonKey));
  const onlyA = a.items.filter((i) => !inB.has(canonKey(i)));
  const onlyB = b.items.filter((i) => !inA.has(canonKey(i)));
  const out: ConfigDifference[] = [];
  for (const item of onlyA) {
    let best: { index: number; differences: ConfigDifference[] } | undefined;
    onlyB.forEach((other, index) => {
      if (!isRecord(item) || !isRecord(other)) return;
      const differences = diffCanon(file, item, other, path);
      if (differences.length <= RENAME_LIMIT && (!best || differences.length < best.differences.length)) best = { index, differences };
    });
    if (best) {
      out.push(...best.differences);
      onlyB.splice(best.index, 1);
    } else out.push(describe(file, path, item, undefined));
  }
  return [...out, ...onlyB.map((i) => describe(file, path, undefined, i))];
}
