/**
 * The app's host client, chosen once: Electron's preload bridge when `window.promtopo` exists, else
 * HTTP to the browser-mode server that served this page. Components import `host` from here.
 */
import { MenuCommandSchema } from '../../src/host-api.ts';
import type { HostBridge, HostRequest, HostResponse } from '../../src/host-api.ts';
import { bridgeTransport, createHostClient, httpTransport } from './hostClient.ts';
import type { HostClient } from './hostClient.ts';
import { adoptBrowserToken } from './browserToken.ts';
import { recordExport } from './exportRecord.ts';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode. */
    readonly promtopo?: HostBridge;
  }
}

function detectHost(): HostClient {
  const bridge = typeof window !== 'undefined' ? window.promtopo : undefined;
  if (bridge) {
    // Menu commands are re-parsed too: the renderer trusts nothing that crosses the bridge unchecked.
    return createHostClient('electron', bridgeTransport(bridge), (listener) =>
      bridge.onMenuCommand((command) => {
        const parsed = MenuCommandSchema.safeParse(command);
        if (parsed.success) listener(parsed.data);
      }),
    );
  }
  const token = typeof window !== 'undefined' ? adoptBrowserToken(window) : undefined;
  return createHostClient('browser', httpTransport((url, init) => fetch(url, init), '', token));
}

/** Records successful exports (exportRecord.ts) as they pass through. */
function recordingExports(client: HostClient): HostClient {
  const call: HostClient['call'] = async (op, request) => {
    const response = await client.call(op, request);
    if (op === 'exportBundle') {
      const req = request as HostRequest<'exportBundle'>;
      if ((response as HostResponse<'exportBundle'>).ok) recordExport(req.document, req.outDir);
    }
    return response;
  };
  return { ...client, call };
}

/** The host of this renderer. */
export const host: HostClient = recordingExports(detectHost());
