/**
 * The app's host client, chosen once: Electron's preload bridge when `window.promtopo` exists, else
 * HTTP to the browser-mode server that served this page. Components import `host` from here.
 */
import { MenuCommandSchema } from '../../src/host-api.ts';
import type { HostBridge } from '../../src/host-api.ts';
import { bridgeTransport, createHostClient, httpTransport } from './hostClient.ts';
import type { HostClient } from './hostClient.ts';

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
  return createHostClient('browser', httpTransport((url, init) => fetch(url, init)));
}

/** The host of this renderer. */
export const host: HostClient = detectHost();
