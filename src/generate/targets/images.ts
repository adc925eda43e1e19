/**
 * Pinned versions of the programs a deployment target runs. One place, so compose images and the
 * operator's `spec.version` agree. Prometheus stays on 2.x (the generated configs are 2.x configs,
 * checked with promtool 2.42); 2.53 is the 2.x long-term-support release.
 */

export const PROMETHEUS_VERSION = 'v2.53.4';
export const ALERTMANAGER_VERSION = 'v0.27.0';
export const GRAFANA_VERSION = '11.4.0';

export const PROMETHEUS_IMAGE = `prom/prometheus:${PROMETHEUS_VERSION}`;
export const ALERTMANAGER_IMAGE = `prom/alertmanager:${ALERTMANAGER_VERSION}`;
export const GRAFANA_IMAGE = `grafana/grafana:${GRAFANA_VERSION}`;
