import { fileURLToPath } from 'node:url'
import { dirname, isAbsolute, relative } from 'node:path'
import { channels, type Channel, type ErrorReply } from '../contract/channels'
import { isSameOrigin } from './navigationGuard'

/** The part of an IPC invoke event the handlers read: which page sent it. */
export interface IpcInvokeEventLike {
  senderFrame?: { url: string } | null
}

/** The part of Electron's ipcMain the handlers need (tests pass a fake; Electron's own fits). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void
  removeHandler(channel: string): void
}

/** What answers each channel: the services' `handle` (validates input and output). */
export interface ChannelHandler {
  handle(
    channel: Channel,
    input: unknown,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: ErrorReply }>
}

/**
 * One ipcMain handler per contract channel, and none for anything else (Electron rejects an
 * invoke on a channel without a handler). Requests from pages that are not the app's own content
 * are refused. Returns a function that removes the handlers.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  service: ChannelHandler,
  isTrustedSender: (url: string) => boolean,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedSender(url)) {
        const error: ErrorReply = {
          message: `${channel}: refused a request from ${url || 'an unknown page'}; only the Spatial Lens window may use its services`,
        }
        return { ok: false, error }
      }
      // The reply envelope only: whose failure it was (`cause`) stays in this process.
      return service
        .handle(channel, input)
        .then((result) => (result.ok ? result : { ok: false, error: result.error }))
    })
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel))
}

/**
 * Whether a URL is the app's own content: the dev server's pages when one serves the renderer,
 * else files inside the built renderer's folder. Used for navigation and for IPC senders. File
 * URLs are compared as paths (decoded; case-insensitive on Windows, as its file system is).
 */
export function isOwnContent(
  url: string,
  own: { rendererUrl?: string; indexHtmlPath: string },
  platform: NodeJS.Platform = process.platform,
): boolean {
  // Same origin, not a prefix: http://localhost:5173.evil.example starts with http://localhost:5173.
  if (own.rendererUrl) return isSameOrigin(url, own.rendererUrl)
  if (!url.startsWith('file:')) return false
  let path: string
  try {
    path = fileURLToPath(url.replace(/[?#].*$/, ''))
  } catch {
    return false
  }
  const fold = (text: string) => (platform === 'win32' ? text.toLowerCase() : text)
  const inside = relative(fold(dirname(own.indexHtmlPath)), fold(path))
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
}
