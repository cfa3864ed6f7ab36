/**
 * Decodes ROS image messages as rosbridge v2 sends them (JSON; uint8[] fields as base64 strings, or plain number
 * arrays from some bridges): `sensor_msgs/Image` (rgb8, bgr8, rgba8, bgra8, mono8, 16UC1/mono16 millimetres,
 * 32FC1 metres), `sensor_msgs/CompressedImage` (jpeg/png colour; `compressedDepth` PNG), `sensor_msgs/CameraInfo`
 * (K or k). Field names of ROS 1 (`secs`, `K`) and ROS 2 (`sec`, `nanosec`, `k`) both work.
 * Every problem throws a SourceError naming the topic and the field.
 */

import type { DepthImage, Intrinsics, RgbImage } from '../engine/types'
import { SourceError } from '../sources/SourceError'
import { decodeColorImage } from '../sources/colorImage'
import { decodeDepthPng } from '../sources/depthImage'
import { currentLimits } from '../app/limits'

/** One decoded image message: colour or depth, with its header stamp (ns since the epoch). */
export type DecodedImage =
  | { kind: 'color'; stampNs: bigint; frameId: string; rgb: RgbImage }
  | { kind: 'depth'; stampNs: bigint; frameId: string; depth: DepthImage }

type Json = Record<string, unknown>

function fail(topic: string, what: string): never {
  throw new SourceError(`message on ${topic}: ${what}`, { file: topic })
}

function asObject(v: unknown, topic: string, field: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail(topic, `${field} is not an object`)
  return v as Json
}

function asCount(v: unknown, topic: string, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > max) {
    fail(topic, `${field} must be a positive integer up to ${max}, got ${JSON.stringify(v)}`)
  }
  return v
}

/** Header stamp in nanoseconds; missing stamps are 0 (unknown). */
export function stampNs(message: Json, topic: string): bigint {
  if (message.header === undefined) return 0n
  const stamp = asObject(
    asObject(message.header, topic, 'header').stamp ?? {},
    topic,
    'header.stamp',
  )
  const sec = stamp.sec ?? stamp.secs ?? 0
  const nsec = stamp.nanosec ?? stamp.nsecs ?? 0
  if (
    typeof sec !== 'number' ||
    typeof nsec !== 'number' ||
    !Number.isInteger(sec) ||
    !Number.isInteger(nsec)
  ) {
    fail(topic, 'header.stamp must hold integer sec/nanosec')
  }
  return BigInt(sec) * 1_000_000_000n + BigInt(nsec)
}

function frameIdOf(message: Json): string {
  const h = message.header as Json | undefined
  return typeof h?.frame_id === 'string' ? h.frame_id : ''
}

/** The bytes of a uint8[] field: base64 string (rosbridge default) or a number array. */
export function bytesOf(v: unknown, topic: string, field = 'data'): Uint8Array {
  if (typeof v === 'string') return new Uint8Array(Buffer.from(v, 'base64'))
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && x >= 0 && x <= 255)) {
    return Uint8Array.from(v as number[])
  }
  return fail(topic, `${field} must be base64 text or a byte array`)
}

const COLOR_LAYOUT: Record<string, { channels: number; order: [number, number, number] }> = {
  rgb8: { channels: 3, order: [0, 1, 2] },
  bgr8: { channels: 3, order: [2, 1, 0] },
  rgba8: { channels: 4, order: [0, 1, 2] },
  bgra8: { channels: 4, order: [2, 1, 0] },
  mono8: { channels: 1, order: [0, 0, 0] },
}

function rawColor(
  data: Uint8Array,
  w: number,
  h: number,
  step: number,
  encoding: string,
): RgbImage {
  const { channels, order } = COLOR_LAYOUT[encoding]
  const out = new Uint8Array(w * h * 3)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = y * step + x * channels
      const dst = (y * w + x) * 3
      out[dst] = data[src + order[0]]
      out[dst + 1] = data[src + order[1]]
      out[dst + 2] = data[src + order[2]]
    }
  }
  return { width: w, height: h, data: out }
}

function rawDepth(
  data: Uint8Array,
  w: number,
  h: number,
  step: number,
  encoding: string,
  bigEndian: boolean,
): DepthImage {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const out = new Float32Array(w * h)
  const is16 = encoding === '16UC1' || encoding === 'mono16'
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const off = y * step + x * (is16 ? 2 : 4)
      const v = is16 ? view.getUint16(off, !bigEndian) / 1000 : view.getFloat32(off, !bigEndian)
      out[y * w + x] = Number.isFinite(v) && v > 0 ? v : 0
    }
  }
  return { width: w, height: h, data: out }
}

/** Decodes a `sensor_msgs/Image` JSON message. */
export function decodeRawImage(raw: unknown, topic: string): DecodedImage {
  const m = asObject(raw, topic, 'message')
  const max = currentLimits().maxImagePixels
  const w = asCount(m.width, topic, 'width', max)
  const h = asCount(m.height, topic, 'height', max)
  if (w * h > max) fail(topic, `${w}×${h} is more pixels than the limit of ${max}`)
  const encoding = String(m.encoding ?? '')
  const isDepth = ['16UC1', 'mono16', '32FC1'].includes(encoding)
  if (!isDepth && !(encoding in COLOR_LAYOUT)) {
    fail(
      topic,
      `encoding "${encoding}" is not supported (use rgb8, bgr8, rgba8, bgra8, mono8, 16UC1 or 32FC1)`,
    )
  }
  const bytesPerPixel = isDepth ? (encoding === '32FC1' ? 4 : 2) : COLOR_LAYOUT[encoding].channels
  const step = m.step === undefined ? w * bytesPerPixel : asCount(m.step, topic, 'step', max * 4)
  if (step < w * bytesPerPixel)
    fail(topic, `step ${step} is shorter than a row of ${w * bytesPerPixel} bytes`)
  const data = bytesOf(m.data, topic)
  if (data.length < step * (h - 1) + w * bytesPerPixel) {
    fail(topic, `data has ${data.length} bytes, ${w}×${h} ${encoding} needs ${step * h}`)
  }
  const base = { stampNs: stampNs(m, topic), frameId: frameIdOf(m) }
  if (isDepth) {
    return {
      kind: 'depth',
      ...base,
      depth: rawDepth(data, w, h, step, encoding, Boolean(m.is_bigendian)),
    }
  }
  return { kind: 'color', ...base, rgb: rawColor(data, w, h, step, encoding) }
}

/** compressedDepth: a 12-byte header (format enum + two float quantisation params) before a 16-bit PNG. */
const COMPRESSED_DEPTH_HEADER = 12

/** Decodes a `sensor_msgs/CompressedImage` JSON message (colour JPEG/PNG, or compressedDepth 16UC1 PNG). */
export async function decodeCompressedImage(raw: unknown, topic: string): Promise<DecodedImage> {
  const m = asObject(raw, topic, 'message')
  const format = String(m.format ?? '').toLowerCase()
  const data = bytesOf(m.data, topic)
  const base = { stampNs: stampNs(m, topic), frameId: frameIdOf(m) }
  if (format.includes('compresseddepth')) {
    if (!format.includes('16uc1') && !format.includes('png')) {
      fail(topic, `compressedDepth format "${format}" is not supported (16UC1 PNG only)`)
    }
    const png = data.subarray(COMPRESSED_DEPTH_HEADER)
    return { kind: 'depth', ...base, depth: decodeDepthPng(png, topic, 1000) }
  }
  return { kind: 'color', ...base, rgb: await decodeColorImage(data, topic) }
}

/** Intrinsics from a `sensor_msgs/CameraInfo` JSON message (K row-major 3×3). */
export function decodeCameraInfo(raw: unknown, topic: string): Intrinsics {
  const m = asObject(raw, topic, 'message')
  const k = m.k ?? m.K
  if (
    !Array.isArray(k) ||
    k.length !== 9 ||
    !k.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    fail(topic, 'K must be 9 finite numbers')
  }
  const max = currentLimits().maxImagePixels
  const width = asCount(m.width, topic, 'width', max)
  const height = asCount(m.height, topic, 'height', max)
  const [fx, , cx, , fy, cy] = k as number[]
  if (!(fx > 0 && fy > 0))
    fail(topic, `focal lengths must be positive (fx ${fx}, fy ${fy}); is the camera calibrated?`)
  return { width, height, fx, fy, cx, cy }
}
