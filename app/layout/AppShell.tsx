/**
 * The window's frame: top bar, palette, canvas, sidebar, status bar; theme applied on the root. The
 * palette collapses to its icons and the sidebar is resizable; both are remembered.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { DesignerCanvas } from '../canvas/DesignerCanvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { useKeyboardShortcuts } from '../commands/useKeyboardShortcuts.ts';
import { selectView } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { Sidebar } from './Sidebar.tsx';
import { SidebarResizer } from './SidebarResizer.tsx';
import { slotsOf } from './slots.ts';
import type { SlotContribution } from './slots.ts';
import { StatusBar } from './StatusBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useHostWiring } from './useHostWiring.ts';
import { usePanelLayout } from './usePanelLayout.ts';
import '@xyflow/react/dist/style.css';
import '../styles/app.css';

const darkQuery = '(prefers-color-scheme: dark)';

function useSystemDark(): boolean {
  const [dark, setDark] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(darkQuery).matches === true);
  useEffect(() => {
    const mq = window.matchMedia?.(darkQuery);
    if (!mq) return;
    const onChange = () => setDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** The resolved theme (`light`/`dark`) from the view preference and the system. */
export function useResolvedTheme(): 'light' | 'dark' {
  const { theme } = useDesigner(selectView);
  const systemDark = useSystemDark();
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

export function AppShell({ contributions }: { contributions: readonly SlotContribution[] }) {
  const theme = useResolvedTheme();
  const layout = usePanelLayout();
  useKeyboardShortcuts();
  useHostWiring();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <ReactFlowProvider>
      <div className={`pt-app theme-${theme}`} data-theme={theme}>
        <Toolbar items={slotsOf(contributions, 'toolbar')} />
        <main className="pt-main" style={{ gridTemplateColumns: `${layout.paletteWidth}px minmax(0, 1fr) ${layout.sidebarWidth}px` }}>
          <Palette collapsed={layout.paletteCollapsed} onToggle={layout.togglePalette} />
          <DesignerCanvas colorMode={theme} />
          <Sidebar tabs={slotsOf(contributions, 'sidebar')}>
            <SidebarResizer width={layout.sidebarWidth} paletteWidth={layout.paletteWidth} onResize={layout.setSidebarWidth} />
          </Sidebar>
        </main>
        <StatusBar items={slotsOf(contributions, 'statusbar')} />
        {slotsOf(contributions, 'overlay').map(({ id, component: Overlay }) => (
          <Overlay key={id} />
        ))}
        <ShortcutsSheet />
      </div>
    </ReactFlowProvider>
  );
}
