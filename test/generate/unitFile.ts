/**
 * A small systemd unit-file reader for the tests, for machines where `systemd-analyze verify` cannot
 * run: sections, `Key=value` lines with backslash continuations, and the checks systemd itself makes
 * on the keys PromTopo writes (known key per section, booleans, Restart= values, absolute ExecStart).
 * Rules from systemd.unit(5), systemd.service(5) and systemd.exec(5).
 */

const KNOWN: Record<string, readonly string[]> = {
  Unit: ['Description', 'Documentation', 'Wants', 'After', 'Requires', 'Before'],
  Service: [
    'Type', 'User', 'Group', 'ExecStart', 'ExecReload', 'Restart', 'RestartSec', 'TimeoutStopSec', 'StateDirectory', 'MemoryMax',
    'NoNewPrivileges', 'ProtectSystem', 'ProtectHome', 'PrivateTmp', 'PrivateDevices', 'ProtectKernelTunables', 'ProtectKernelModules',
    'ProtectKernelLogs', 'ProtectControlGroups', 'ProtectClock', 'ProtectHostname', 'RestrictAddressFamilies', 'RestrictNamespaces',
    'RestrictRealtime', 'RestrictSUIDSGID', 'LockPersonality', 'MemoryDenyWriteExecute', 'SystemCallArchitectures',
    'CapabilityBoundingSet', 'AmbientCapabilities', 'ReadOnlyPaths',
  ],
  Install: ['WantedBy', 'RequiredBy', 'Alias'],
};
const BOOLEAN_KEYS = new Set(['NoNewPrivileges', 'PrivateTmp', 'PrivateDevices', 'ProtectKernelTunables', 'ProtectKernelModules', 'ProtectKernelLogs',
  'ProtectControlGroups', 'ProtectClock', 'ProtectHostname', 'RestrictRealtime', 'RestrictSUIDSGID', 'LockPersonality', 'MemoryDenyWriteExecute']);
const BOOLEANS = new Set(['yes', 'no', 'true', 'false', 'on', 'off', '1', '0']);
const RESTART = new Set(['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always']);

export interface UnitFile {
  readonly sections: Record<string, Record<string, string[]>>;
  readonly problems: string[];
}

export function parseUnitFile(text: string): UnitFile {
  const sections: Record<string, Record<string, string[]>> = {};
  const problems: string[] = [];
  let current: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    if (line.trim() === '' || /^\s*[#;]/.test(line)) continue;
    const section = /^\[([A-Za-z]+)\]$/.exec(line);
    if (section) {
      current = section[1]!;
      if (!KNOWN[current]) problems.push(`line ${lineNo}: unknown section [${current}]`);
      sections[current] ??= {};
      continue;
    }
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !current) {
      problems.push(`line ${lineNo}: not a Key=value line inside a section: ${line}`);
      continue;
    }
    const [, key, raw] = kv as unknown as [string, string, string];
    const value = raw.trim().replace(/\s+/g, ' ');
    if (!KNOWN[current]?.includes(key)) problems.push(`line ${lineNo}: unknown key '${key}' in section [${current}]`);
    if (BOOLEAN_KEYS.has(key) && !BOOLEANS.has(value)) problems.push(`line ${lineNo}: ${key}= is not a boolean: ${value}`);
    if (key === 'Restart' && !RESTART.has(value)) problems.push(`line ${lineNo}: Restart=${value} is not a restart setting`);
    if ((key === 'ExecStart' || key === 'ExecReload') && !value.startsWith('/')) problems.push(`line ${lineNo}: ${key}= must start with an absolute path`);
    const s = sections[current]!;
    (s[key] ??= []).push(value);
  }
  for (const required of ['Unit', 'Service', 'Install']) if (!sections[required]) problems.push(`missing section [${required}]`);
  if (sections.Service && !sections.Service.ExecStart) problems.push('[Service] has no ExecStart=');
  return { sections, problems };
}
