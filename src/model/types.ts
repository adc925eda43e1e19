/**
 * Types of the topology document, inferred from the zod schemas (schema.ts is the single source).
 * Documents are treated as immutable: functions return new values, never mutate.
 */
import type { z } from 'zod';
import type {
  AlertEdgeSchema,
  AlertingRuleSchema,
  AlertmanagerNodeSchema,
  CapacitySchema,
  MachineSettingsSchema,
  MachineSizeSchema,
  DatasourceEdgeSchema,
  ExportTargetSchema,
  FederationEdgeSchema,
  GrafanaNodeSchema,
  PrometheusNodeSchema,
  RecordingRuleSchema,
  RuleGroupSchema,
  RuleSchema,
  ScrapeEdgeSchema,
  TargetGroupNodeSchema,
  TopologyEdgeSchema,
  TopologyNodeSchema,
  TopologySchema,
  ReceiverNodeSchema,
  ThanosQuerierNodeSchema,
  RemoteWriteEdgeSchema,
  StoreEdgeSchema,
  QueueConfigSchema,
  RelabelRuleSchema,
} from './schema.ts';

export type Topology = z.output<typeof TopologySchema>;
export type TopologyNode = z.output<typeof TopologyNodeSchema>;
export type TopologyEdge = z.output<typeof TopologyEdgeSchema>;
export type PrometheusNode = z.output<typeof PrometheusNodeSchema>;
export type TargetGroupNode = z.output<typeof TargetGroupNodeSchema>;
export type AlertmanagerNode = z.output<typeof AlertmanagerNodeSchema>;
export type GrafanaNode = z.output<typeof GrafanaNodeSchema>;
export type ScrapeEdge = z.output<typeof ScrapeEdgeSchema>;
export type FederationEdge = z.output<typeof FederationEdgeSchema>;
export type AlertEdge = z.output<typeof AlertEdgeSchema>;
export type DatasourceEdge = z.output<typeof DatasourceEdgeSchema>;
export type ReceiverNode = z.output<typeof ReceiverNodeSchema>;
export type ReceiverKind = ReceiverNode['kind'];
export type ThanosQuerierNode = z.output<typeof ThanosQuerierNodeSchema>;
export type RemoteWriteEdge = z.output<typeof RemoteWriteEdgeSchema>;
export type StoreEdge = z.output<typeof StoreEdgeSchema>;
export type QueueConfig = z.output<typeof QueueConfigSchema>;
export type RelabelRule = z.output<typeof RelabelRuleSchema>;
export type RuleGroup = z.output<typeof RuleGroupSchema>;
export type Rule = z.output<typeof RuleSchema>;
export type RecordingRule = z.output<typeof RecordingRuleSchema>;
export type AlertingRule = z.output<typeof AlertingRuleSchema>;
export type Capacity = z.output<typeof CapacitySchema>;
export type ExportTarget = z.output<typeof ExportTargetSchema>;
export type MachineSize = z.output<typeof MachineSizeSchema>;
export type MachineSettings = z.output<typeof MachineSettingsSchema>;

export type NodeKind = TopologyNode['kind'];
export type EdgeKind = TopologyEdge['kind'];
export type ServerRole = PrometheusNode['role'];

/** Units in types, where a number could be misread. */
export type Seconds = number;
export type Milliseconds = number;
export type Bytes = number;
export type SeriesCount = number;
export type SamplesPerSecond = number;

export function isRecordingRule(rule: Rule): rule is RecordingRule {
  return 'record' in rule;
}
