/**
 * WCAG contrast of an element's text against the background it is drawn on (the first opaque
 * background colour up its ancestors), computed in the page from the styles the browser applied.
 */
import type { Locator } from '@playwright/test';

/** Contrast ratio (1 to 21) of the text of `element`; 4.5 is the WCAG AA minimum for small text. */
export async function textContrast(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const rgb = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: [number, number, number, number]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const fg = rgb(view.getComputedStyle(el).color);
    let bg: [number, number, number, number] = [255, 255, 255, 1];
    for (let node: typeof el | null = el; node; node = node.parentElement as typeof el | null) {
      const c = rgb(view.getComputedStyle(node).backgroundColor);
      if (c[3] > 0.5) {
        bg = c;
        break;
      }
    }
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}
