/** The outcome of an export: the files written and promtool's verdict per config, or why nothing was written. */
import type { Topology } from '../../../src/model/types.ts';
import { formatBytes, formatExact } from '../format.ts';
import type { useReveal } from '../shared/useReveal.ts';
import { serverOfPath, summariseVerdict } from './exportView.ts';
import type { ExportResponse } from './exportView.ts';

export function ExportResult({
  response,
  topology,
  onReveal,
}: {
  response: ExportResponse;
  topology: Topology;
  onReveal: ReturnType<typeof useReveal>;
}) {
  const verdict = summariseVerdict(response.promtool);
  return (
    <div className="ptp-export-result" data-testid="export-result" data-ok={response.ok}>
      {response.ok ? (
        <p className="ptp-alert ptp-alert-success" role="status">
          Wrote {response.files.length} files to <code className="ptp-path">{response.outDir}</code>.
        </p>
      ) : (
        <div className="ptp-alert ptp-alert-error" role="alert" data-testid="export-error">
          <strong>Nothing was written to <code className="ptp-path">{response.outDir}</code>.</strong> {response.error ?? 'The host refused the export.'}
        </div>
      )}
      {response.ok || response.promtool ? (
        <>
          <h3 className="ptp-panel-heading">promtool</h3>
          <p className={`ptp-verdict ptp-verdict-${verdict.status}`} data-testid="promtool-verdict" data-status={verdict.status}>
            {verdict.text}
          </p>
        </>
      ) : null}
      {response.promtool && response.promtool.results.length > 0 ? (
        <ul className="ptp-verdict-list" data-testid="promtool-results">
          {response.promtool.results.map((r) => {
            const server = serverOfPath(r.path, topology);
            return (
              <li key={r.path} data-path={r.path} data-ok={r.ok}>
                <details open={!r.ok}>
                  <summary>
                    <span className={r.ok ? 'ptp-badge ptp-badge-ok' : 'ptp-badge ptp-badge-failed'}>{r.ok ? 'ok' : 'failed'}</span>{' '}
                    {server ? (
                      <button type="button" className="ptp-link" onClick={() => onReveal({ kind: 'node', id: server.id })}>
                        {server.name}
                      </button>
                    ) : null}{' '}
                    <code className="ptp-path">{r.path}</code>
                  </summary>
                  <pre className="ptp-output">{r.output.trim() || '(no output)'}</pre>
                </details>
              </li>
            );
          })}
        </ul>
      ) : null}
      {response.ok && response.files.length > 0 ? (
        <>
          <h3 className="ptp-panel-heading">Files</h3>
          <ul className="ptp-file-list" data-testid="export-files">
            {response.files.map((f) => (
              <li key={f.path} data-path={f.path}>
                <code className="ptp-path">{f.path}</code>
                <span className="ptp-muted" title={`${formatExact(f.bytes)} bytes`}>
                  {formatBytes(f.bytes)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
