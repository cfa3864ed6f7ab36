/**
 * Decoders for one channel's messages by encoding: ROS 2 CDR (ros2msg schema), ROS 1 (ros1msg), JSON
 * (jsonschema / schemaless) and protobuf (a FileDescriptorSet schema, as Foxglove writes). The result is a plain
 * object; timestamps keep their wire shape ({sec, nanosec}, {sec, nsec}, {seconds, nanos}) — see stampNs.
 */
import { parse as parseMsgDefinition } from '@foxglove/rosmsg'
import { MessageReader as Ros2Reader } from '@foxglove/rosmsg2-serialization'
import { MessageReader as Ros1Reader } from '@foxglove/rosmsg-serialization'
import { protobufFromBinaryDescriptor } from '@mcap/support'

/** The schema half of an MCAP channel (or a bag connection). */
export interface ChannelSchema {
  topic: string
  /** Schema name, e.g. sensor_msgs/msg/Image. */
  name: string
  /** Schema encoding: ros2msg, ros1msg, jsonschema, protobuf, or '' (schemaless). */
  encoding: string
  data: Uint8Array
  /** Message encoding: cdr, ros1, json, protobuf. */
  messageEncoding: string
}

export type MessageDecoder = (data: Uint8Array) => Record<string, unknown>

/**
 * A decoder for the channel.
 * @throws Error naming the topic and encoding when it is not supported or the schema does not parse.
 */
export function createMessageDecoder(channel: ChannelSchema): MessageDecoder {
  const text = () => new TextDecoder().decode(channel.data)
  switch (channel.messageEncoding) {
    case 'cdr': {
      if (channel.encoding !== 'ros2msg')
        throw unsupported(channel, 'CDR needs a ros2msg schema (ros2idl is not read)')
      const reader = new Ros2Reader(parseMsgDefinition(text(), { ros2: true }))
      return (data) => reader.readMessage(data)
    }
    case 'ros1': {
      const reader = new Ros1Reader(parseMsgDefinition(text()))
      return (data) => reader.readMessage(data)
    }
    case 'json': {
      const decoder = new TextDecoder()
      return (data) => JSON.parse(decoder.decode(data)) as Record<string, unknown>
    }
    case 'protobuf': {
      const type = protobufFromBinaryDescriptor(channel.data).lookupType(channel.name)
      // bytes stay Uint8Array (images); 64-bit ints become numbers (timestamps' seconds fit).
      return (data) =>
        type.toObject(type.decode(data), { longs: Number, defaults: true }) as Record<
          string,
          unknown
        >
    }
    default:
      throw unsupported(channel, `message encoding "${channel.messageEncoding}" is not supported`)
  }
}

function unsupported(channel: ChannelSchema, why: string): Error {
  return new Error(`topic ${channel.topic} (${channel.name}): ${why}`)
}

/**
 * Nanoseconds of a message time in any wire shape: ROS 2 {sec, nanosec}, ROS 1 {sec, nsec}, protobuf/Foxglove
 * {sec, nsec} or {seconds, nanos}. Undefined when it has none.
 */
export function stampNs(stamp: unknown): bigint | undefined {
  if (typeof stamp !== 'object' || stamp === null) return undefined
  const t = stamp as Record<string, unknown>
  const sec = t.sec ?? t.secs ?? t.seconds
  const nsec = t.nanosec ?? t.nsec ?? t.nsecs ?? t.nanos ?? 0
  if (typeof sec !== 'number' || typeof nsec !== 'number') return undefined
  return BigInt(Math.trunc(sec)) * 1_000_000_000n + BigInt(Math.trunc(nsec))
}

/** The bytes of a `data` field: Uint8Array (CDR/ROS 1/protobuf), base64 string (Foxglove JSON) or number array. */
export function bytesOf(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'))
  if (Array.isArray(value)) return Uint8Array.from(value as number[])
  throw new Error(`${what} has no data bytes`)
}
