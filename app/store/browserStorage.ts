/** The renderer's localStorage, or undefined where there is none or it is blocked (privacy settings). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
