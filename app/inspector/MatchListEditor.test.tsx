// @vitest-environment happy-dom
// The match[] list editor mounted in a DOM (happy-dom) and driven through @testing-library: what a
// user does to a selector row (type, leave, come back, add a row) and what reaches the document.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MatchListEditor } from './MatchListEditor.tsx';
import { provideSelectorEditor } from './selectorEditorSeam.ts';

afterEach(cleanup);
provideSelectorEditor(undefined); // the plain input; the Monaco editor is covered end to end

/** The editor as the edge inspector uses it: the document's match[] list, every commit recorded. */
function Harness({ initial, commits }: { initial: string[]; commits: string[][] }) {
  const [match, setMatch] = useState(initial);
  return (
    <MatchListEditor
      match={match}
      diagnostics={[]}
      onCommit={(next) => {
        commits.push(next);
        setMatch(next);
      }}
    />
  );
}

const row = (n: number) => screen.getByLabelText(`match[] selector ${n}`) as HTMLInputElement;

describe('MatchListEditor', () => {
  it('mounted and blurred without an edit keeps its value and commits nothing', () => {
    const commits: string[][] = [];
    render(<Harness initial={['{__name__=~"job:.*"}']} commits={commits} />);
    fireEvent.focus(row(1));
    fireEvent.blur(row(1));
    expect(row(1).value).toBe('{__name__=~"job:.*"}');
    expect(commits).toEqual([]);
  });

  it('a typed selector commits once on blur, exactly as typed', () => {
    const commits: string[][] = [];
    render(<Harness initial={['up']} commits={commits} />);
    fireEvent.change(row(1), { target: { value: 'up{job="node"' } });
    fireEvent.blur(row(1));
    expect(commits).toEqual([['up{job="node"']]);
    expect(row(1).value).toBe('up{job="node"');
  });

  it('unmounted and mounted again (re-keyed, as when another edge was shown) keeps the value and commits nothing', () => {
    const commits: string[][] = [];
    const match = ['{__name__=~"job:.*"}', 'up'];
    const onCommit = (m: string[]) => void commits.push(m);
    const view = render(<MatchListEditor key="a" match={match} diagnostics={[]} onCommit={onCommit} />);
    view.rerender(<></>);
    view.rerender(<MatchListEditor key="b" match={match} diagnostics={[]} onCommit={onCommit} />);
    expect([row(1).value, row(2).value]).toEqual(match);
    fireEvent.blur(row(1));
    expect(commits).toEqual([]);
  });

  it('"+ Add selector" keeps the existing rows, including a draft being typed', () => {
    const commits: string[][] = [];
    render(<Harness initial={['{__name__=~"job:.*"}', 'up']} commits={commits} />);
    fireEvent.change(row(2), { target: { value: 'node_load1' } }); // typed, not yet committed
    act(() => screen.getByRole('button', { name: '+ Add selector' }).click());
    expect(commits).toEqual([['{__name__=~"job:.*"}', 'up', '{__name__=~"job:.+"}']]);
    expect([row(1).value, row(2).value, row(3).value]).toEqual(['{__name__=~"job:.*"}', 'node_load1', '{__name__=~"job:.+"}']);
  });

  it('removing a row keeps the rows after it with their own values', () => {
    const commits: string[][] = [];
    render(<Harness initial={['a', 'b', 'c']} commits={commits} />);
    act(() => screen.getByRole('button', { name: 'Remove match[] selector 1' }).click());
    expect(commits).toEqual([['b', 'c']]);
    expect([row(1).value, row(2).value]).toEqual(['b', 'c']);
    expect(screen.queryByLabelText('match[] selector 3')).toBeNull();
  });
});
