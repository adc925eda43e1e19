/**
 * Load panel section for remote_write: per edge samples/s, bytes/s on the wire, queue shards needed
 * against max_shards and the sender's extra memory; per receiver ingest samples/s, active series and
 * HA duplicates. Hidden when nothing writes.
 */
import { useMemo } from 'react';
import { selectDocument } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { formatBytes, formatCount, formatExact } from '../format.ts';
import { useReveal } from '../shared/useReveal.ts';
import { remoteWriteRows } from './remoteWriteRows.ts';
import { useLoadEstimate } from './useLoadEstimate.ts';

export function RemoteWriteSection() {
  const document = useDesigner(selectDocument);
  const estimate = useLoadEstimate();
  const rows = useMemo(() => remoteWriteRows(document, estimate), [document, estimate]);
  const reveal = useReveal();
  if (rows.edges.length === 0 && rows.receivers.length === 0) return null;
  return (
    <div className="ptp-remote-write" data-testid="load-remote-write">
      <h3 className="ptp-subheading">Remote write</h3>
      <div className="ptp-table-wrap">
        <table className="ptp-load-table" data-testid="remote-write-table">
          <thead>
            <tr>
              <th scope="col" className="ptp-col-name">Edge</th>
              <th scope="col" className="ptp-col-num" title="Samples per second sent (all sender instances)">Samples/s</th>
              <th scope="col" className="ptp-col-num" title="Bytes per second on the wire (snappy-compressed protobuf)">Bytes/s</th>
              <th scope="col" className="ptp-col-num" title="Queue shards the busiest sender instance needs / max_shards">Shards</th>
              <th scope="col" className="ptp-col-num" title="Extra memory on the sender: WAL reading and queued samples (in its RSS)">Sender mem</th>
            </tr>
          </thead>
          <tbody>
            {rows.edges.map((r) => (
              <tr key={r.id} data-edge-id={r.id} className={r.overShards ? 'ptp-heat-row-hot' : ''}>
                <th scope="row" className="ptp-col-name">
                  <button type="button" className="ptp-link" title={`${r.name}: select on the canvas`} onClick={() => reveal({ kind: 'edge', id: r.id })}>{r.name}</button>
                </th>
                <td className="ptp-col-num" data-column="samplesPerSecond" title={`${formatExact(r.samplesPerSecond)} samples/s`}>{formatCount(r.samplesPerSecond)}</td>
                <td className="ptp-col-num" data-column="bytesPerSecond" title={`${formatExact(r.bytesPerSecond)} bytes/s`}>{formatBytes(r.bytesPerSecond)}/s</td>
                <td className="ptp-col-num" data-column="shards" title={r.overShards ? 'More shards needed than max_shards: the queue falls behind' : 'Shards needed / max_shards'}>{r.shardsNeeded} / {r.maxShards}</td>
                <td className="ptp-col-num" data-column="senderMemory" title={`${formatExact(r.senderMemoryBytes)} bytes`}>{formatBytes(r.senderMemoryBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.receivers.length > 0 && (
        <div className="ptp-table-wrap">
          <table className="ptp-load-table" data-testid="receiver-table">
            <thead>
              <tr>
                <th scope="col" className="ptp-col-name">Receiver</th>
                <th scope="col" className="ptp-col-num" title="Samples per second ingested from remote_write">Ingest/s</th>
                <th scope="col" className="ptp-col-num" title="Active series written into it">Series</th>
                <th scope="col" className="ptp-col-num" title="HA replicas' copies of the same series among them">Duplicates</th>
              </tr>
            </thead>
            <tbody>
              {rows.receivers.map((r) => (
                <tr key={r.id} data-receiver-id={r.id}>
                  <th scope="row" className="ptp-col-name">
                    <button type="button" className="ptp-link" title={`${r.name}: select on the canvas`} onClick={() => reveal({ kind: 'node', id: r.id })}>{r.name}</button>
                  </th>
                  <td className="ptp-col-num" data-column="ingest" title={`${formatExact(r.samplesPerSecond)} samples/s`}>{formatCount(r.samplesPerSecond)}</td>
                  <td className="ptp-col-num" data-column="series" title={`${formatExact(r.activeSeries)} series`}>{formatCount(r.activeSeries)}</td>
                  <td className="ptp-col-num" data-column="duplicates" title={`${formatExact(r.duplicateSeries)} series`}>{formatCount(r.duplicateSeries)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
