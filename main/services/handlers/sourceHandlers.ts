import type { SourceSessions } from '../source/SourceSessions'
import type { DomainChannel, DomainHandlers, Handler, ReplyOf } from './handlerTypes'

/** The `source:*` channels (robot recordings and live ROS 2): each goes to the client's source sessions. */
export function sourceHandlers(sources: SourceSessions): DomainHandlers<'source'> {
  const forward =
    <C extends DomainChannel<'source'>>(channel: C): Handler<C> =>
    (input, client) =>
      // The contract parsed the input and parses the reply; the sessions type both by channel.
      sources.handle(channel, input as never, client) as Promise<ReplyOf<C>>
  return {
    'source:recordings': forward('source:recordings'),
    'source:open': forward('source:open'),
    'source:topics': forward('source:topics'),
    'source:select': forward('source:select'),
    'source:seek': forward('source:seek'),
    'source:play': forward('source:play'),
    'source:watch': forward('source:watch'),
    'source:scene': forward('source:scene'),
    'source:close': forward('source:close'),
  }
}
