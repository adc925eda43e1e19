// Vite builds the renderer: root app/, output dist/renderer, relative base (served over http in
// browser mode and over app:// in Electron). Monaco is bundled locally; its workers come from
// `?worker` imports in app/editors/. The CSP meta tag is added to the built page only, because the
// dev server injects an inline React-refresh preamble that a strict CSP would block.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { RENDERER_CSP } from './electron/web/csp.ts';

const root = fileURLToPath(new URL('./app', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));
const projectRoot = fileURLToPath(new URL('.', import.meta.url));

function cspMetaTag(): Plugin {
  return {
    name: 'promtopo-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />`;
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`);
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMetaTag()],
  // app/public/ holds files served as they are (favicon.ico).
  publicDir: 'public',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: [projectRoot] } },
  clearScreen: false,
});
