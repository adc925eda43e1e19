/**
 * The palette: one button per node kind. Drag one onto the canvas (HTML5 drag and drop), or click /
 * press Enter to add it at the centre of the view. Collapsed, it shows the kinds' icons only (the
 * full name on hover and to screen readers) and leaves the width to the canvas.
 */
import { NODE_TEMPLATES, TEMPLATE_LABELS } from '../../src/model/edit/nodeTemplates.ts';
import type { NodeTemplate } from '../../src/model/edit/nodeTemplates.ts';
import { ROLE_ICONS } from './roleIcons.ts';
import { addCommandIds } from '../commands/designerCommands.ts';
import { runCommand } from '../commands/runCommand.ts';

/** The drag data type the canvas accepts. */
export const PALETTE_MIME = 'application/x-promtopo-node';

const hints: Record<NodeTemplate, string> = {
  leaf: 'Scrapes targets',
  global: 'Federates the leaves',
  shard: 'One slice of the targets',
  targets: 'Exporters to scrape',
  alertmanager: 'Receives alerts',
  grafana: 'Dashboards',
  agent: 'Scrapes and forwards by remote_write',
  mimir: 'Remote-write store (/api/v1/push)',
  'thanos-receive': 'Remote-write store (/api/v1/receive)',
  victoriametrics: 'Remote-write store (/api/v1/write)',
  'thanos-querier': 'Global view, deduplicates replicas',
};

export function Palette({ collapsed = false, onToggle }: { collapsed?: boolean; onToggle?: () => void }) {
  return (
    <nav className={`pt-palette${collapsed ? ' collapsed' : ''}`} aria-label="Palette">
      <div className="pt-palette-head">
        {!collapsed && <h2 className="pt-section-title">Add</h2>}
        {onToggle && (
          <button
            type="button"
            className="pt-palette-toggle"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Expand the palette' : 'Collapse the palette'}
            title={collapsed ? 'Expand the palette' : 'Collapse the palette to icons'}
            onClick={onToggle}
          >
            {collapsed ? '»' : '«'}
          </button>
        )}
      </div>
      <ul>
        {NODE_TEMPLATES.map((t) => (
          <li key={t}>
            <button
              type="button"
              className={`pt-palette-item role-${t}`}
              aria-label={TEMPLATE_LABELS[t]}
              title={`${TEMPLATE_LABELS[t]}: ${hints[t]}. Drag onto the canvas, or click to add at the centre.`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, t);
                e.dataTransfer.setData('text/plain', t);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => runCommand(addCommandIds[t])}
            >
              {/* The icon is drawn by CSS (attr data-icon), so it is no text that the name would miss. */}
              <span className={`pt-palette-swatch role-${t}`} aria-hidden="true" data-icon={collapsed ? ROLE_ICONS[t] : undefined} />
              <span className="pt-palette-text">
                <span className="pt-palette-label">{TEMPLATE_LABELS[t]}</span>
                {/* Drawn by CSS from data-hint: the button's name stays its label; the title repeats the hint. */}
                <span className="pt-palette-hint" data-hint={hints[t]} aria-hidden="true" />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
