/** An edge drawn by kind (CSS class), as wide as the samples/s it carries, with a label (not when zoomed far out). */
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { designerStore } from '../store/useDesigner.ts';
import { DetailContext } from './levelOfDetail.ts';
import type { TopologyFlowEdge } from './toFlow.ts';
import { EdgeRunLabel } from '../panels/run/RunBadges.tsx';

function FlowEdgeImpl(props: EdgeProps<TopologyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data?.edge.kind ?? 'scrape';
  const hasError = (data?.markers.errors ?? 0) > 0;
  // Zoomed far out, labels are unreadable: no label boxes to hit-test, paint and raster on every pan.
  const labelled = useContext(DetailContext) === 'full';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        className={`pt-edge-path kind-${kind}${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}`}
        style={{ strokeWidth: (data?.width ?? 1.5) + (selected ? 1 : 0) }}
        interactionWidth={16}
      />
      {labelled && data?.label ? (
        <EdgeLabelRenderer>
          <div
            className={`pt-edge-label nodrag nopan kind-${kind}${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
            title={data.edge.kind === 'federation' ? data.edge.match.join('\n') : data.label}
            onClick={() => designerStore.getState().select({ nodes: [], edges: [id] })}
          >
            {data.label}
            <EdgeRunLabel id={id} />
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeImpl);
