/**
 * Level of detail of the canvas: below `COMPACT_BELOW_ZOOM` a card shows only its role, name and
 * problem marker, and edges lose their labels (unreadable at that size, and hundreds of DOM boxes to
 * hit-test, paint and raster on every pan). Above `MANY_NODES` cards are drawn without blurred shadows.
 */
import { createContext } from 'react';

/** Zoom under which cards render compact and edge labels are hidden. */
export const COMPACT_BELOW_ZOOM = 0.4;

/** Node count from which the canvas culls off-screen elements and drops blurred shadows. */
export const MANY_NODES = 300;

export type Detail = 'full' | 'compact';

/** The detail the canvas draws at (provided by the canvas from its zoom). */
export const DetailContext = createContext<Detail>('full');

export function detailAt(zoom: number): Detail {
  return zoom < COMPACT_BELOW_ZOOM ? 'compact' : 'full';
}
