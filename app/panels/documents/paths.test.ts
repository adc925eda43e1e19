import { describe, expect, it } from 'vitest';
import { baseName, dirName, documentDisplayName, ensureExtension, windowTitle } from './paths.ts';

describe('document paths', () => {
  it.each([
    [baseName('/tmp/x/multi-dc.promtopo.json'), 'multi-dc.promtopo.json'],
    [baseName('C:\\Users\\a\\t.promtopo.json'), 't.promtopo.json'],
    [baseName('/tmp/dir/'), 'dir'],
    [ensureExtension('/tmp/a'), '/tmp/a.promtopo.json'],
    [ensureExtension(' /tmp/a.promtopo.json '), '/tmp/a.promtopo.json'],
    [ensureExtension('/tmp/a.JSON'), '/tmp/a.JSON'],
    [dirName('/tmp/x/a.json'), '/tmp/x'],
    [dirName('/a.json'), '/'],
    [dirName('a.json'), ''],
    [windowTitle('federation', true), '● federation — PromTopo'],
    [windowTitle('federation', false), 'federation — PromTopo'],
    [documentDisplayName('/tmp/t.promtopo.json', 'Fed'), 't.promtopo.json'],
    [documentDisplayName(null, 'Fed'), 'Fed'],
    [documentDisplayName(null, ''), 'Untitled topology'],
  ])('%s === %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
