/**
 * The Content-Security-Policy of the renderer, shared by the three places that apply it: the built
 * index.html (meta tag), the browser-mode server (header) and Electron's app:// protocol (header).
 * Works with Monaco (local workers, inline styles) and React Flow; allows no remote origin at all.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The same policy as an HTTP header, plus what only a header can say (no framing by other sites). */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
