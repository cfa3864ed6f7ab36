/**
 * Message decoders of a recording's channels, made once per channel on first use. A channel whose schema does not
 * give a decoder, and a message that does not decode, are reported through `guard` and skipped (undefined).
 */
import type { RecordingReader } from '../robot/recordingReader'
import { createMessageDecoder, type MessageDecoder } from '../robot/messageDecoder'

/** Runs `fn`; on a throw reports it (counted by the caller) and gives undefined. */
export type Guard = <T>(fn: () => T) => T | undefined

export class ChannelDecoders {
  /** null: the channel's decoder failed once; it is not retried. */
  private readonly decoders = new Map<number, MessageDecoder | null>()

  constructor(
    private readonly reader: RecordingReader,
    private readonly guard: Guard,
  ) {}

  /** The message as a plain object, or undefined when it (or its channel's schema) does not decode. */
  decode(channelId: number, data: Uint8Array): Record<string, unknown> | undefined {
    let decoder = this.decoders.get(channelId)
    if (decoder === undefined) {
      const channel = this.reader.channelsById.get(channelId)!
      const schema = this.reader.schemasById.get(channel.schemaId)
      decoder =
        this.guard(() =>
          createMessageDecoder({
            topic: channel.topic,
            name: schema?.name ?? '',
            encoding: schema?.encoding ?? '',
            data: schema?.data ?? new Uint8Array(),
            messageEncoding: channel.messageEncoding,
          }),
        ) ?? null
      this.decoders.set(channelId, decoder)
    }
    if (decoder === null) return undefined
    const d = decoder
    return this.guard(() => d(data))
  }
}
