import type { IpcInvokeEventLike, IpcMainLike } from '../../main/electron/ipcHandlers'

/** A page URL inside the built renderer's folder, as Electron reports the sender of our window. */
export const OWN_INDEX_HTML = '/opt/Spatial Lens/resources/app.asar/out/renderer/index.html'
export const OWN_URL = 'file:///opt/Spatial%20Lens/resources/app.asar/out/renderer/index.html'

/**
 * ipcMain as Electron behaves for invoke/handle: one handler per channel (a second one throws),
 * an invoke on a channel without a handler rejects, and arguments and replies cross by structured
 * clone (so a reply that could not cross the process boundary fails here too).
 */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>()

  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What ipcRenderer.invoke does from a page at `senderUrl`. */
  async invoke(channel: string, input: unknown, senderUrl = OWN_URL): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      )
    return structuredClone(
      await listener({ senderFrame: { url: senderUrl } }, structuredClone(input)),
    )
  }
}
