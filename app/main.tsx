// Renderer entry: mounts U2's <App /> into #root. App.tsx is looked up with an eager glob so the shell
// builds and type-checks before (and independently of) the renderer; once App.tsx exists this is a
// plain static import in the bundle (Vite inlines eager globs).
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

type AppModule = { default?: ComponentType; App?: ComponentType };
const appModules = import.meta.glob<AppModule>('./App.tsx', { eager: true });

function MissingApp() {
  return <p role="alert">PromTopo: the renderer (app/App.tsx) is not part of this build.</p>;
}

function resolveApp(): ComponentType {
  const mod = appModules['./App.tsx'];
  return mod?.App ?? mod?.default ?? MissingApp;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const App = resolveApp();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
