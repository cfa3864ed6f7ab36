import { z } from 'zod'
import { ServiceError } from './ServiceError'
import {
  contract,
  describeValidationError,
  errorReplySchema,
  type Channel,
  type ChannelOutput,
} from '../../../main/contract/channels'

/** Envelope of every reply, whatever the transport: the value, or one user-facing error line. */
export const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorReplySchema }),
])

/**
 * Checks a reply envelope and the value against the channel's output schema (the receiving side
 * validates). Resolves to the typed output or throws `Error(message)` fit for the error banner (a
 * {@link ServiceError} carrying the contract's error code when the service refused the call).
 */
export function parseReply<C extends Channel>(channel: C, reply: unknown): ChannelOutput<C> {
  const envelope = replySchema.safeParse(reply)
  if (!envelope.success) throw new Error(`${channel}: the service sent a malformed reply`)
  if (!envelope.data.ok)
    throw new ServiceError(envelope.data.error.message, envelope.data.error.code)
  const output = contract[channel].output.safeParse(envelope.data.value)
  if (!output.success) {
    const { message } = describeValidationError(channel, output.error)
    throw new Error(`${message} (in the reply: the app and the service may be different versions)`)
  }
  return output.data as ChannelOutput<C>
}
