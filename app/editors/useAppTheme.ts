/** The app's resolved theme (`data-theme` on <html>, set by the shell) as the Monaco theme to use. */
import { useEffect, useState } from 'react';
import { MONACO_THEMES } from './monacoSetup.ts';

type MonacoTheme = (typeof MONACO_THEMES)[keyof typeof MONACO_THEMES];

function current(): MonacoTheme {
  return document.documentElement.dataset.theme === 'dark' ? MONACO_THEMES.dark : MONACO_THEMES.light;
}

export function useMonacoTheme(): MonacoTheme {
  const [theme, setTheme] = useState(current);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(current()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
