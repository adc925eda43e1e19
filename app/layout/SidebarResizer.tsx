/**
 * The sidebar's left edge: drag it to make the side panels wider or narrower, or focus it and use
 * the arrow keys (Home/End: narrowest/widest). The width is remembered across sessions.
 */
import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { SIDEBAR_MIN, maxSidebarWidth } from './panelLayout.ts';

const KEY_STEP = 24;

export function SidebarResizer(props: { width: number; paletteWidth: number; onResize: (width: number, remember: boolean) => void }) {
  const { width, paletteWidth, onResize } = props;
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const max = maxSidebarWidth(typeof window === 'undefined' ? 1600 : window.innerWidth, paletteWidth);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: width };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) onResize(d.startWidth + (d.startX - e.clientX), false);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    onResize(d.startWidth + (d.startX - e.clientX), true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowLeft' ? width + KEY_STEP : e.key === 'ArrowRight' ? width - KEY_STEP : e.key === 'Home' ? SIDEBAR_MIN : e.key === 'End' ? max : undefined;
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(next, true);
  };

  return (
    <div
      className="pt-sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the side panels"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      title="Drag to resize the side panels (or focus and use the arrow keys)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
