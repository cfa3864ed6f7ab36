import { randomUUID } from 'node:crypto'
import type { ClientSession } from '../ClientScenes'
import { UserError } from '../../app/userError'
import { SourceError } from '../../sources/SourceError'
import { allowedRecordingPath, listRecordings, type RecordingAccess } from './recordingAccess'
import { SourceSession } from './SourceSession'
import type { SessionHost } from './sessionHost'

/** Sessions one client may hold at once (each holds a file or a socket and runs a pipeline). */
export const MAX_SESSIONS_PER_CLIENT = 2

/**
 * The robot source sessions behind the `source:*` channels (services/handlers/sourceHandlers.ts), each owned by the client that opened it (another
 * client cannot seek, read or close it) and closed with that client.
 */
export class SourceSessions {
  private readonly sessions = new Map<string, { session: SourceSession; clientId: string }>()

  constructor(
    private readonly access: Promise<RecordingAccess>,
    /** The host of a client's sessions: its scene keeping, events and log. */
    private readonly hostFor: (client: ClientSession) => SessionHost,
  ) {
    access.catch(() => undefined) // reported on the first source request
  }

  /** The recordings this host may open (serve: under `--recordings DIR`; the desktop app: any path). */
  async recordings(): Promise<{
    directory: string | null
    files: Awaited<ReturnType<typeof listRecordings>>
    isAnyPathAllowed: boolean
  }> {
    const access = await this.access
    return {
      directory: access.directory,
      files: await listRecordings(access),
      isAnyPathAllowed: access.isAnyPathAllowed,
    }
  }

  /** Closes the client's session; false when it is not one of the client's. */
  async close(client: ClientSession, sessionId: string): Promise<boolean> {
    const entry = this.sessions.get(sessionId)
    if (!entry || entry.clientId !== client.id) return false
    this.sessions.delete(sessionId)
    await entry.session.close()
    return true
  }

  /** Opens a recording or a rosbridge connection for the client (at most MAX_SESSIONS_PER_CLIENT at once). */
  async open(
    input: { kind: 'mcap'; path: string } | { kind: 'rosbridge'; url: string },
    client: ClientSession,
  ): Promise<SourceSession> {
    const mine = [...this.sessions.values()].filter((e) => e.clientId === client.id)
    if (mine.length >= MAX_SESSIONS_PER_CLIENT)
      throw new UserError(
        `close a source first: ${MAX_SESSIONS_PER_CLIENT} are open in this window (${mine.map((e) => e.session.description).join(', ')})`,
      )
    const id = randomUUID()
    const host = this.hostFor(client)
    const session =
      input.kind === 'mcap'
        ? await SourceSession.openRecording(
            id,
            await allowedRecordingPath(await this.access, input.path),
            host,
          ).catch((error: unknown) => {
            throw error instanceof SourceError ? new UserError(error.message) : error
          })
        : await SourceSession.connect(id, input.url, host)
    this.sessions.set(id, { session, clientId: client.id })
    return session
  }

  /** The client's session, or a user error (another client's sessions are not reachable). */
  owned(client: ClientSession, sessionId: string): SourceSession {
    const entry = this.sessions.get(sessionId)
    if (!entry || entry.clientId !== client.id)
      throw new UserError(
        `source session ${sessionId.slice(0, 8)} is not open: open the source again`,
      )
    return entry.session
  }

  /** Closes every session of a client (its window or connection went away). */
  async closeClient(clientId: string): Promise<void> {
    const closing = [...this.sessions].filter(([, e]) => e.clientId === clientId)
    for (const [id] of closing) this.sessions.delete(id)
    await Promise.all(closing.map(([, e]) => e.session.close()))
  }

  async dispose(): Promise<void> {
    const all = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(all.map((e) => e.session.close()))
  }
}
