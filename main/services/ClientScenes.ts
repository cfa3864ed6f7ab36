import { randomUUID } from 'node:crypto'

/**
 * One client of the services: the Electron window, or one `serve` WebSocket connection. Its scenes
 * are its own; closing it forgets them (a reconnecting UI loads its frame again, as after a restart).
 */
export interface ClientSession {
  readonly id: string
  /** Forgets the client's scenes; later scenes analysed for it are not kept. */
  close(): void
}

/** Scenes kept per client by default (Electron's one window, and each `serve` connection). */
export const DEFAULT_SCENES_PER_CLIENT = 16

/**
 * Scenes kept for follow-up questions, per client, each client holding at most
 * `maxScenesPerClient` (the oldest goes first). A burst of uploads from one client never evicts
 * another client's scenes; the memory held is at most (clients × maxScenesPerClient) scenes.
 */
export class ClientScenes<T> {
  private readonly clients = new Map<string, Map<string, T>>()

  constructor(readonly maxScenesPerClient: number = DEFAULT_SCENES_PER_CLIENT) {
    if (!Number.isInteger(maxScenesPerClient) || maxScenesPerClient < 1)
      throw new RangeError(
        `maxScenesPerClient must be a whole number ≥ 1, got ${maxScenesPerClient}`,
      )
  }

  open(): ClientSession {
    const id = randomUUID()
    this.clients.set(id, new Map())
    return { id, close: () => void this.clients.delete(id) }
  }

  /** Keeps a scene for the client; a closed client keeps nothing (its connection is gone). */
  keep(client: ClientSession, sceneId: string, scene: T): void {
    const scenes = this.clients.get(client.id)
    if (!scenes) return
    scenes.set(sceneId, scene)
    while (scenes.size > this.maxScenesPerClient) scenes.delete(scenes.keys().next().value!)
  }

  /** The client's scene, or undefined (another client's, forgotten, or never analysed). */
  get(client: ClientSession, sceneId: string): T | undefined {
    return this.clients.get(client.id)?.get(sceneId)
  }

  /** Scenes held for all clients (for tests and diagnostics). */
  get size(): number {
    let total = 0
    for (const scenes of this.clients.values()) total += scenes.size
    return total
  }
}
