/** The app's resolved theme (`data-theme` on <html>, set by the shell) as a Monaco theme name. */
import { useEffect, useState } from 'react';

function current(): 'vs' | 'vs-dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs';
}

export function useMonacoTheme(): 'vs' | 'vs-dark' {
  const [theme, setTheme] = useState(current);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(current()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
