/**
 * What commands need from the canvas (viewport centre, fit, zoom). The canvas installs the real one
 * when it mounts; before that (and in tests) a neutral bridge answers.
 */
export interface CanvasBridge {
  /** Centre of the visible canvas, in flow coordinates (where click-to-add puts a node). */
  centre(): { x: number; y: number };
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Centres the viewport on a node or edge (problems panel: click a diagnostic). */
  reveal(id: string): void;
  /**
   * Pans, at the same zoom, so that an area (flow coordinates) is wholly visible and clear of what
   * floats over the canvas (minimap, zoom controls); no-op when it is.
   */
  ensureVisible(area: { x: number; y: number; width: number; height: number }): void;
  /** The size the canvas measured for each node card, by node id (flow pixels). */
  cardSizes(): ReadonlyMap<string, { width: number; height: number }>;
}

const neutral: CanvasBridge = {
  centre: () => ({ x: 0, y: 0 }),
  fitView: () => {},
  zoomIn: () => {},
  zoomOut: () => {},
  reveal: () => {},
  ensureVisible: () => {},
  cardSizes: () => new Map(),
};

let current: CanvasBridge = neutral;

export function canvasBridge(): CanvasBridge {
  return current;
}

/** Installs the canvas' bridge; returns the uninstaller. */
export function installCanvasBridge(bridge: CanvasBridge): () => void {
  current = bridge;
  return () => {
    if (current === bridge) current = neutral;
  };
}
