/**
 * Inspector section of a server node: the URL of the running Prometheus each instance is linked to
 * (kept in local settings, never in the document), a Measure button, and what the last measurement
 * gave beside the prediction, or why it failed.
 */
import { serverInstances } from '../../../src/model/instances.ts';
import type { PrometheusNode } from '../../../src/model/types.ts';
import { formatBytes, formatCount } from '../../canvas/format.ts';
import { runCommand } from '../../commands/runCommand.ts';
import { Section, TextField } from '../../inspector/fields.tsx';
import { formatError } from '../run/runView.ts';
import { linkedServers, useLinkedServers } from './linkedServers.ts';
import { useLinkedView, useNodeLinkKeys } from './useLinkedView.ts';

export function RunningServerSection({ node }: { node: PrometheusNode }) {
  const keys = useNodeLinkKeys(node.id);
  const instances = serverInstances(node);
  const links = useLinkedServers((s) => s.links);
  const linkErrors = useLinkedServers((s) => s.linkErrors);
  const view = useLinkedView(node.id);
  return (
    <Section title="Running server">
      <p className="pt-hint">Compare the estimate with a running Prometheus. The URL is kept in this machine's settings, not in the document.</p>
      {instances.map((instance, i) => {
        const key = keys[i] ?? '';
        const label = instance.key ? `URL of ${instance.key}` : 'URL';
        return (
          <div key={key}>
            <TextField
              label={label}
              value={links[key] ?? ''}
              placeholder="http://127.0.0.1:9090"
              mono
              testId={`server-link-${instance.key || 'main'}`}
              onCommit={(url) => void linkedServers.setLink(key, url)}
            />
            {linkErrors[key] && (
              <p className="pt-field-messages severity-error" role="alert" data-testid="server-link-error">
                {linkErrors[key]}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="pt-small-button" data-testid="server-measure" disabled={!view || view.measuring} onClick={() => runCommand('server.measure')}>
        {view?.measuring ? 'Measuring…' : 'Measure'}
      </button>
      {view?.measured && (
        <dl className="pt-linked-figures" data-testid="server-measured">
          <dt>Series</dt>
          <dd>{formatCount(view.measured.series)} measured, {formatCount(view.predicted.series)} predicted ({formatError(view.errorPercent.series)})</dd>
          <dt>Samples/s</dt>
          <dd>{formatCount(view.measured.samplesPerSecond)} measured, {formatCount(view.predicted.samplesPerSecond)} predicted ({formatError(view.errorPercent.samplesPerSecond)})</dd>
          {view.measured.memoryBytes !== undefined && (
            <>
              <dt>Process RSS</dt>
              <dd>
                {formatBytes(view.measured.memoryBytes)} measured, {view.predicted.memoryBytes !== undefined ? formatBytes(view.predicted.memoryBytes) : 'unknown'} predicted ({formatError(view.errorPercent.memoryBytes)})
              </dd>
            </>
          )}
        </dl>
      )}
      {view?.errors.map((e) => (
        <p key={e} className="pt-field-messages severity-error" role="alert" data-testid="server-measure-error">
          {e}
        </p>
      ))}
    </Section>
  );
}
