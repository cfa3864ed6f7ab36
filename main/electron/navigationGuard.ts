/**
 * Where the app's window may go: its own content only. `will-navigate` covers links and
 * location changes, `will-frame-navigate` the same inside frames, and `will-redirect` a server
 * redirect during a navigation (the dev server, or any page that got loaded), which
 * `will-navigate` never sees. `<webview>` tags are never attached.
 */

/** An event Electron lets the app cancel. */
export interface CancellableEvent {
  preventDefault(): void
}

/** The part of Electron's WebContents the guard listens on (tests pass an EventEmitter). */
export interface NavigationEvents {
  on(event: string, listener: (event: CancellableEvent, url: string) => void): unknown
}

const NAVIGATIONS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const

/** Cancels every navigation and redirect to a URL that is not the app's own content. */
export function guardNavigation(contents: NavigationEvents, isOwn: (url: string) => boolean): void {
  for (const name of NAVIGATIONS) {
    contents.on(name, (event, url) => {
      // will-frame-navigate passes its details as the first argument only (Electron ≥ 28).
      const target = typeof url === 'string' ? url : ((event as { url?: string }).url ?? '')
      if (!isOwn(target)) event.preventDefault()
    })
  }
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * The dev server URL from ELECTRON_RENDERER_URL, honoured only when the app is not packaged and
 * only for http on this machine (electron-vite's dev server); anything else is ignored, so a
 * packaged app always loads its own files whatever its environment says.
 */
export function devRendererUrl(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  const isLocal =
    url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  return url.protocol === 'http:' && isLocal ? url.href : undefined
}

/** Whether `url` has the same origin (scheme, host, port) as `own`; false for anything unparsable. */
export function isSameOrigin(url: string, own: string): boolean {
  try {
    const origin = new URL(url).origin
    return origin !== 'null' && origin === new URL(own).origin
  } catch {
    return false
  }
}
