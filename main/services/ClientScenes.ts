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

interface Entry<T> {
  value: T
  bytes: number
  /** Order of keeping, across clients: the lowest is the oldest. */
  seq: number
}

/**
 * Scenes kept for follow-up questions, per client, each client holding at most
 * `maxScenesPerClient` (the oldest goes first). A burst of uploads from one client never evicts
 * another client's scenes by count; the bytes held by all clients together stay under
 * `maxBytes` (SPATIAL_LENS_SCENE_CACHE_BYTES), the oldest scene of any client going first, never
 * the one just kept.
 */
export class ClientScenes<T> {
  private readonly clients = new Map<string, Map<string, Entry<T>>>()
  private totalBytes = 0
  private seq = 0

  constructor(
    readonly maxScenesPerClient: number = DEFAULT_SCENES_PER_CLIENT,
    readonly maxBytes: number = Infinity,
  ) {
    if (!Number.isInteger(maxScenesPerClient) || maxScenesPerClient < 1)
      throw new RangeError(
        `maxScenesPerClient must be a whole number ≥ 1, got ${maxScenesPerClient}`,
      )
  }

  open(): ClientSession {
    const id = randomUUID()
    this.clients.set(id, new Map())
    return {
      id,
      close: () => {
        for (const entry of this.clients.get(id)?.values() ?? []) this.totalBytes -= entry.bytes
        this.clients.delete(id)
      },
    }
  }

  /** Keeps a scene for the client; a closed client keeps nothing (its connection is gone). */
  keep(client: ClientSession, sceneId: string, scene: T, bytes = 0): void {
    const scenes = this.clients.get(client.id)
    if (!scenes) return
    const seq = ++this.seq
    scenes.set(sceneId, { value: scene, bytes, seq })
    this.totalBytes += bytes
    while (scenes.size > this.maxScenesPerClient) this.drop(scenes, scenes.keys().next().value!)
    while (this.totalBytes > this.maxBytes && this.dropOldestExcept(seq)) {
      // each pass drops one scene
    }
  }

  private drop(scenes: Map<string, Entry<T>>, sceneId: string): void {
    this.totalBytes -= scenes.get(sceneId)?.bytes ?? 0
    scenes.delete(sceneId)
  }

  /** Drops the oldest scene of any client other than the one kept as `keptSeq`; false when none is left. */
  private dropOldestExcept(keptSeq: number): boolean {
    let oldest: { scenes: Map<string, Entry<T>>; sceneId: string; seq: number } | null = null
    for (const scenes of this.clients.values()) {
      for (const [sceneId, entry] of scenes) {
        if (entry.seq !== keptSeq && (!oldest || entry.seq < oldest.seq))
          oldest = { scenes, sceneId, seq: entry.seq }
      }
    }
    if (!oldest) return false
    this.drop(oldest.scenes, oldest.sceneId)
    return true
  }

  /** The client's scene, or undefined (another client's, forgotten, or never analysed). */
  get(client: ClientSession, sceneId: string): T | undefined {
    return this.clients.get(client.id)?.get(sceneId)?.value
  }

  /** Bytes held by every client's scenes. */
  get bytes(): number {
    return this.totalBytes
  }

  /** Scenes held for all clients (for tests and diagnostics). */
  get size(): number {
    let total = 0
    for (const scenes of this.clients.values()) total += scenes.size
    return total
  }
}
