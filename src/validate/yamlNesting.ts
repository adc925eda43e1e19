/**
 * How deeply a YAML text nests, measured by one linear scan before any parser sees it: block levels
 * (indentation, `- ` items) plus flow levels (`[` and `{`), with quoted strings, comments and block
 * scalars (`|`, `>`) skipped. A sequence may sit at its key's indentation, so the count can be as low
 * as half the tree's depth: the limit is far below where parsers fail. The YAML parser and the tree walks after it recurse once per level, so
 * a text nested thousands deep ends in "Maximum call stack size exceeded" (or worse); such a text is
 * refused up front with a message that says what is wrong. Real configurations nest about ten deep.
 */

/** Deepest nesting accepted in a YAML text. */
export const MAX_YAML_DEPTH = 100;

/** Where the text first nests deeper than `max`, or undefined when it never does. */
export function yamlTooDeep(text: string, max = MAX_YAML_DEPTH): { line: number; depth: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: measure the indentation (block context only).
    let col = 0;
    while (i < n && text[i] === ' ') { i++; col++; }
    if (i >= n) break;
    const c0 = text[i];
    if (c0 === '\n') { i++; line++; continue; }
    if (c0 === '#' && flow === 0) { while (i < n && text[i] !== '\n') i++; continue; }
    let tokenStart = true;
    if (flow === 0) {
      while (indents.length && (indents[indents.length - 1] ?? 0) >= col) indents.pop();
      indents.push(col);
      // Compact nested items on one line: `- - - x`.
      while (i < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        indents.push(col + 2);
        i += 2;
        col += 2;
        while (i < n && text[i] === ' ') { i++; col++; }
      }
      if (indents.length > max) return { line, depth: indents.length };
    }
    // The rest of the line.
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      if (tokenStart && (c === '"' || c === "'")) {
        i++;
        while (i < n) {
          if (text[i] === '\n') line++;
          if (c === '"' && text[i] === '\\') { i += 2; continue; }
          if (text[i] === c) {
            if (c === "'" && text[i + 1] === "'") { i += 2; continue; }
            break;
          }
          i++;
        }
        i++;
        tokenStart = false;
        continue;
      }
      if (tokenStart && flow === 0 && (c === '|' || c === '>')) {
        // A block scalar: its lines are text, whatever they contain.
        const parent = indents[indents.length - 1] ?? 0;
        while (i < n && text[i] !== '\n') i++;
        while (i < n) {
          let j = i + 1;
          let k = 0;
          while (j < n && text[j] === ' ') { j++; k++; }
          if (j < n && text[j] !== '\n' && k <= parent) break;
          if (j >= n) { i = n; break; }
          i = j;
          while (i < n && text[i] !== '\n') i++;
          line++;
        }
        break;
      }
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) { while (i < n && text[i] !== '\n') i++; break; }
      if ((c === '[' || c === '{') && (tokenStart || flow > 0)) {
        flow++;
        if (indents.length + flow > max) return { line, depth: indents.length + flow };
        tokenStart = true;
        i++;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) { flow--; i++; tokenStart = false; continue; }
      if (c === ',' && flow > 0) { tokenStart = true; i++; continue; }
      if (c === ':' && (text[i + 1] === ' ' || text[i + 1] === '\n' || i + 1 >= n || (flow > 0 && /[,\]}]/.test(text[i + 1] ?? '')))) { tokenStart = true; i++; continue; }
      if (c === '-' && tokenStart && text[i + 1] === ' ') { i += 2; continue; }
      if (c !== ' ' && c !== '\t') tokenStart = false;
      i++;
    }
    if (i < n && text[i] === '\n') { i++; line++; }
  }
  return undefined;
}

/** The message for a text that nests too deeply. */
export function tooDeepMessage(where: { line: number; depth: number }, max = MAX_YAML_DEPTH): string {
  return `the YAML nests more than ${max} levels deep (line ${where.line}); refused`;
}
