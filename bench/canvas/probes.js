// Page-side probes of the canvas benchmark, installed before any page script runs
// (page.addInitScript). Plain JavaScript: it runs in the page, not under the bench's Node types.
(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  /** Resolves after the next frame has been produced (a task queued from its rAF runs after paint). */
  const afterNextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const visibleNodes = () => document.querySelectorAll('.react-flow__node:not([style*="visibility: hidden"])').length;
  const state = { loadedAt: undefined, firstNodeAt: undefined, longTaskMs: 0, expected: window.__benchExpected ?? Infinity };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTaskMs += e.duration;
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figure stays 0.
  }
  const poll = () => {
    const n = document.readyState === 'loading' ? 0 : visibleNodes();
    if (n > 0 && state.firstNodeAt === undefined) state.firstNodeAt = performance.now();
    if (n >= state.expected && state.loadedAt === undefined) state.loadedAt = performance.now();
    if (state.loadedAt === undefined) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  /** The viewport's zoom, from React Flow's transform. */
  const zoom = () => {
    const t = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    const m = /scale\(([\d.e-]+)\)/.exec(t);
    return m ? Number(m[1]) : NaN;
  };

  /** The node nearest the pane's centre, preferring ids starting with `prefer`: its id and screen centre. */
  const centreNode = (prefer) => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const id = el.getAttribute('data-id');
      if (prefer && !id.startsWith(prefer)) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { d, id, x, y };
    }
    return best && { id: best.id, x: best.x, y: best.y };
  };

  /** A point of the bare pane (no node, edge or control under it), near the centre. */
  const panePoint = () => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    for (let ring = 0; ring < 40; ring++) {
      for (let k = 0; k < 16; k++) {
        const a = (k / 16) * 2 * Math.PI;
        const x = pane.left + pane.width / 2 + Math.cos(a) * ring * 9;
        const y = pane.top + pane.height / 2 + Math.sin(a) * ring * 9;
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return undefined;
  };

  const transformOf = (id) => document.querySelector(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '';
  const viewportTransform = () => document.querySelector('.react-flow__viewport')?.style.transform ?? '';

  /** Arms a one-shot timer: from the next `type` event (capture) to the frame after it. */
  const armEventToFrame = (type) => {
    state.eventToFrame = undefined;
    window.addEventListener(
      type,
      () => {
        const t0 = performance.now();
        afterNextFrame().then(() => (state.eventToFrame = performance.now() - t0));
      },
      { capture: true, once: true },
    );
  };

  /** Arms a one-shot timer: from the next Enter keydown to the frame after `selector`'s text changes. */
  const armEditToRepaint = (selector) => {
    state.editToRepaint = undefined;
    const before = document.querySelector(selector)?.textContent;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter') return;
        const t0 = performance.now();
        const check = () => {
          const now = document.querySelector(selector)?.textContent;
          if (now !== undefined && now !== before) {
            afterNextFrame().then(() => (state.editToRepaint = performance.now() - t0));
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { capture: true, once: true },
    );
  };

  window.__bench = {
    state,
    expect: (n) => {
      state.expected = n;
    },
    frame,
    afterNextFrame,
    visibleNodes,
    zoom,
    centreNode,
    panePoint,
    transformOf,
    viewportTransform,
    armEventToFrame,
    armEditToRepaint,
    domElements: () => document.getElementsByTagName('*').length,
    rect: (selector) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r && { x: r.x, y: r.y, width: r.width, height: r.height };
    },
  };
})();
