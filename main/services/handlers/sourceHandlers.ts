import type { SourceSessions } from '../source/SourceSessions'
import type { DomainHandlers } from './handlerTypes'

/** The `source:*` channels (robot recordings and live ROS 2): each works on the client's own source sessions. */
export function sourceHandlers(sources: SourceSessions): DomainHandlers<'source'> {
  return {
    'source:recordings': () => sources.recordings(),
    'source:open': async (input, client) => (await sources.open(input, client)).info(),
    'source:topics': async (input, client) => sources.owned(client, input.sessionId).topics(),
    'source:select': async (input, client) => ({
      description: await sources
        .owned(client, input.sessionId)
        .select(input.topics, input.perception),
    }),
    'source:seek': async (input, client) => {
      sources.owned(client, input.sessionId).seek(BigInt(input.timeNs))
      return { timeNs: input.timeNs }
    },
    'source:play': async (input, client) => ({
      isPlaying: sources.owned(client, input.sessionId).play(input.isPlaying),
    }),
    'source:watch': async (input, client) => ({
      watches: sources
        .owned(client, input.sessionId)
        .watch(
          input.questions,
          input.minChangeCm / 100,
          BigInt(Math.round(input.minIntervalS * 1e9)),
        ),
    }),
    'source:scene': async (input, client) =>
      sources.owned(client, input.sessionId).scene(input.sceneId),
    'source:close': async (input, client) => ({
      isClosed: await sources.close(client, input.sessionId),
    }),
  }
}
