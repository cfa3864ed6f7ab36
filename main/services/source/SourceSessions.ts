import { randomUUID } from 'node:crypto'
import type { ChannelInput, ChannelOutput } from '../../contract/channels'
import type { sourceChannels } from '../../contract/sourceSchema'
import type { ClientSession } from '../ClientScenes'
import { UserError } from '../../app/userError'
import { SourceError } from '../../sources/SourceError'
import { allowedRecordingPath, listRecordings, type RecordingAccess } from './recordingAccess'
import { SourceSession, type SessionHost } from './SourceSession'

export type SourceChannel = keyof typeof sourceChannels

/** Sessions one client may hold at once (each holds a file or a socket and runs a pipeline). */
export const MAX_SESSIONS_PER_CLIENT = 2

/**
 * The `source:*` channels: robot source sessions, each owned by the client that opened it (another
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

  async handle<C extends SourceChannel>(
    channel: C,
    input: ChannelInput<C>,
    client: ClientSession,
  ): Promise<ChannelOutput<C>> {
    return (await this.run(channel, input as never, client)) as ChannelOutput<C>
  }

  private async run(channel: SourceChannel, input: any, client: ClientSession): Promise<unknown> {
    switch (channel) {
      case 'source:recordings': {
        const access = await this.access
        return {
          directory: access.directory,
          files: await listRecordings(access),
          isAnyPathAllowed: access.isAnyPathAllowed,
        }
      }
      case 'source:open':
        return (await this.open(input, client)).info()
      case 'source:topics':
        return this.owned(client, input.sessionId).topics()
      case 'source:select': {
        const description = await this.owned(client, input.sessionId).select(
          input.topics,
          input.perception,
        )
        return { description }
      }
      case 'source:seek':
        this.owned(client, input.sessionId).seek(BigInt(input.timeNs))
        return { timeNs: input.timeNs }
      case 'source:play':
        return { isPlaying: this.owned(client, input.sessionId).play(input.isPlaying) }
      case 'source:watch':
        return {
          watches: this.owned(client, input.sessionId).watch(
            input.questions,
            input.minChangeCm / 100,
            BigInt(Math.round(input.minIntervalS * 1e9)),
          ),
        }
      case 'source:scene':
        return this.owned(client, input.sessionId).scene(input.sceneId)
      case 'source:close': {
        const entry = this.sessions.get(input.sessionId)
        if (!entry || entry.clientId !== client.id) return { isClosed: false }
        this.sessions.delete(input.sessionId)
        await entry.session.close()
        return { isClosed: true }
      }
    }
  }

  private async open(
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

  private owned(client: ClientSession, sessionId: string): SourceSession {
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
