import { describe, expect, it } from 'vitest';
import { serverInstances } from '../model/instances.ts';
import type { AlertmanagerNode, PrometheusNode } from '../model/types.ts';
import { alertmanagerClusterAddress, alertmanagerRunFile, isIpLiteral, listenAddress, prometheusRunFile, shellQuote } from './runFiles.ts';
import { alertmanager, makeTopology, server } from './testBuilders.ts';

const flagsOf = (script: string) => script.split('\n').filter((l) => l.startsWith('  --')).map((l) => l.trim().replace(/ \\$/, ''));

describe('listenAddress', () => {
  it.each([
    ['127.0.0.1:9090', '127.0.0.1:9090'],
    ['10.1.2.3:9100', '10.1.2.3:9100'],
    ['[::1]:9090', '[::1]:9090'],
    ['prom-eu-1:9090', ':9090'],
    ['localhost:9093', ':9093'],
  ])('%s listens on %s', (address, expected) => {
    expect(listenAddress(address)).toBe(expected);
  });

  it('knows IP literals', () => {
    expect([isIpLiteral('127.0.0.1'), isIpLiteral('[::1]'), isIpLiteral('prom'), isIpLiteral('1.2.3')]).toEqual([true, true, false, false]);
  });
});

describe('shellQuote', () => {
  it.each([
    ['15d', '15d'],
    [':9090', ':9090'],
    ["it's", `'it'\\''s'`],
    ['$(rm -rf /)', `'$(rm -rf /)'`],
  ])('%s -> %s', (value, expected) => expect(shellQuote(value)).toBe(expected));
});

describe('prometheusRunFile', () => {
  const node = makeTopology([server('leaf', { address: '127.0.0.1:19090', retention: '2d', ha: { replicas: 2 } })]).nodes[0] as PrometheusNode;
  const [a, b] = serverInstances(node);

  it('starts prometheus with exec, from its folder, with the documented flags', () => {
    const script = prometheusRunFile(node, b!);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('set -eu\ncd "$(dirname "$0")"\n');
    expect(script).toContain('exec "$PROMETHEUS_BIN" \\');
    expect(flagsOf(script)).toEqual([
      '--config.file=prometheus.yml',
      '--storage.tsdb.path="${PROMTOPO_DATA_DIR:-./data}"',
      '--storage.tsdb.retention.time=2d',
      '--web.listen-address=127.0.0.1:19091',
      '--web.enable-lifecycle',
    ]);
    expect(script.trimEnd().endsWith('"$@"')).toBe(true);
  });

  it('takes the binary from $PROMETHEUS_BIN, else prometheus on PATH', () => {
    expect(prometheusRunFile(node, a!)).toMatch(/if \[ -z "\$\{PROMETHEUS_BIN:-\}" \]; then\n {2}if command -v prometheus /);
  });
});

describe('alertmanagerRunFile', () => {
  const am = (addresses: { address: string; clusterAddress?: string }[]) =>
    makeTopology([alertmanager('am', [], { instances: addresses })]).nodes[0] as AlertmanagerNode;

  it('binds and advertises IP-literal gossip addresses and peers with every other instance', () => {
    const node = am([
      { address: '127.0.0.1:9093', clusterAddress: '127.0.0.1:9094' },
      { address: '127.0.0.1:9095', clusterAddress: '127.0.0.1:9096' },
      { address: '127.0.0.1:9097', clusterAddress: '127.0.0.1:9098' },
    ]);
    expect(flagsOf(alertmanagerRunFile(node, 1))).toEqual([
      '--config.file=alertmanager.yml',
      '--storage.path="${PROMTOPO_DATA_DIR:-./data-2}"',
      '--web.listen-address=127.0.0.1:9095',
      '--cluster.listen-address=127.0.0.1:9096',
      '--cluster.advertise-address=127.0.0.1:9096',
      '--cluster.peer=127.0.0.1:9094',
      '--cluster.peer=127.0.0.1:9098',
    ]);
  });

  it('listens on every interface for named hosts, gossip on 9094 by default', () => {
    const node = am([{ address: 'am-1:9093' }, { address: 'am-2:9093' }]);
    expect(alertmanagerClusterAddress(node.instances[1]!)).toBe('am-2:9094');
    expect(flagsOf(alertmanagerRunFile(node, 0))).toEqual([
      '--config.file=alertmanager.yml',
      '--storage.path="${PROMTOPO_DATA_DIR:-./data-1}"',
      '--web.listen-address=:9093',
      '--cluster.listen-address=0.0.0.0:9094',
      '--cluster.peer=am-2:9094',
    ]);
  });

  it('finds alertmanager or Debian\'s prometheus-alertmanager', () => {
    const script = alertmanagerRunFile(am([{ address: 'am:9093' }]), 0);
    expect(script).toContain('if command -v alertmanager >/dev/null 2>&1; then ALERTMANAGER_BIN=alertmanager');
    expect(script).toContain('elif command -v prometheus-alertmanager >/dev/null 2>&1; then ALERTMANAGER_BIN=prometheus-alertmanager');
    expect(script).toContain('exec "$ALERTMANAGER_BIN" \\');
  });
});
