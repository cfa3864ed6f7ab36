import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentSecurityPolicyHeader } from './contentSecurityPolicy'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/** Serves the built renderer; unknown paths fall back to index.html; no path escapes the folder. */
export async function serveStatic(
  root: string | null,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!root) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    response.end(
      'The Spatial Lens UI is not built. Run `npm run build` (npm ci does it once), then restart.\n',
    )
    return
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
  let path = join(root, relative || 'index.html')
  if (!path.startsWith(root + sep) && path !== root) {
    response.writeHead(403).end()
    return
  }
  let body: Buffer
  try {
    body = await readFile(path)
  } catch {
    path = join(root, 'index.html')
    body = await readFile(path)
  }
  const isPage = extname(path) === '.html'
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    // The page's policy again as a header, with what a <meta> cannot say: no framing by other sites.
    ...(isPage
      ? { 'content-security-policy': contentSecurityPolicyHeader(), 'x-frame-options': 'DENY' }
      : {}),
  })
  response.end(body)
}
