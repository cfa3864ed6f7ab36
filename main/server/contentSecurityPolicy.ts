/**
 * The UI's Content Security Policy, one definition for both hosts: the `<meta>` in
 * renderer/index.html (Electron's file:// pages and `serve`) and the header `serve` sends with it.
 * Scripts, styles and connections come from the page's own origin only: `connect-src 'self'`
 * covers the `serve` WebSocket on the same host and port (CSP 3; Chrome 71+, Firefox, Safari 16+),
 * and nothing else. A bare `ws:`/`wss:` would let injected script talk to any host.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['connect-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
]

/** The policy as the `<meta http-equiv>` tag holds it (directives a meta tag may carry). */
export function contentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ')
}

/** The policy as `serve`'s header: the meta policy plus what only a header can say (no framing). */
export function contentSecurityPolicyHeader(): string {
  return `${contentSecurityPolicy()}; frame-ancestors 'none'`
}
