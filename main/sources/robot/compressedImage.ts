/**
 * sensor_msgs/CompressedImage and foxglove.CompressedImage: JPEG/PNG colour (via sharp) and the ROS
 * image_transport `compressedDepth` format.
 *
 * compressedDepth (compressed_depth_image_transport): `format` is "<encoding>; compressedDepth <png|rvl>" (older
 * publishers write just "<encoding>; compressedDepth", meaning PNG). `data` starts with a 12-byte ConfigHeader:
 * int32 format (0 = INV_DEPTH/PNG, 1 = RVL), float32 depthQuantA, float32 depthQuantB (little-endian). Then:
 * - 16UC1 + png: a 16-bit PNG of the millimetre values.
 * - 32FC1 + png: a 16-bit PNG of quantised inverse depth q; depth = depthQuantA / (q − depthQuantB), q = 0 invalid.
 * - rvl: uint32 cols, uint32 rows, then RVL data of 16-bit values (millimetres for 16UC1; quantised inverse depth
 *   as above for 32FC1).
 */
import { decode as decodePng } from 'fast-png'
import type { DepthImage, RgbImage } from '../../engine/types'
import { currentLimits } from '../../app/limits'
import { decodeColorImage } from '../colorImage'
import { pngDeclaredSize } from '../pixelLimit'
import { decodeRvl } from './rvl'

/** True when a CompressedImage format names compressedDepth. */
export function isCompressedDepthFormat(format: string): boolean {
  return /compresseddepth/i.test(format)
}

/** A JPEG/PNG colour CompressedImage → RGB. @throws SourceError for corrupt bytes. */
export async function decodeCompressedColor(data: Uint8Array, name: string): Promise<RgbImage> {
  return decodeColorImage(data, name)
}

/** Byte length of compressed_depth_image_transport's ConfigHeader. */
export const COMPRESSED_DEPTH_HEADER_BYTES = 12

/**
 * A compressedDepth message → depth in metres.
 * @param format the message's format string, e.g. "16UC1; compressedDepth png".
 * @param maxPixels pixel limit checked on the declared size before decoding (default: the limit in force,
 *   SPATIAL_LENS_MAX_IMAGE_PIXELS, main/limits.ts).
 * @throws Error for a short header, an unknown encoding, too many pixels or corrupt PNG/RVL data.
 */
export function decodeCompressedDepth(
  format: string,
  data: Uint8Array,
  maxPixels = currentLimits().maxImagePixels,
): DepthImage {
  const encoding = format.split(';')[0].trim()
  if (encoding !== '16UC1' && encoding !== '32FC1') {
    throw new Error(
      `compressedDepth encoding "${encoding}" is not 16UC1 or 32FC1 (format "${format}")`,
    )
  }
  if (data.length < COMPRESSED_DEPTH_HEADER_BYTES) {
    throw new Error(`compressedDepth data is ${data.length} bytes, shorter than its 12-byte header`)
  }
  const header = new DataView(data.buffer, data.byteOffset, COMPRESSED_DEPTH_HEADER_BYTES)
  const quantA = header.getFloat32(4, true)
  const quantB = header.getFloat32(8, true)
  const body = data.subarray(COMPRESSED_DEPTH_HEADER_BYTES)
  const isRvl = /rvl/i.test(format) || header.getInt32(0, true) === 1
  const { width, height, values } = isRvl ? readRvl(body, maxPixels) : readPng16(body, maxPixels)
  const out = new Float32Array(width * height)
  for (let i = 0; i < out.length; i++) {
    const v = values[i]
    if (v === 0) continue
    out[i] = encoding === '16UC1' ? v / 1000 : quantA / (v - quantB)
    if (!(out[i] > 0 && Number.isFinite(out[i]))) out[i] = 0
  }
  return { width, height, data: out }
}

function readPng16(
  body: Uint8Array,
  maxPixels: number,
): { width: number; height: number; values: ArrayLike<number> } {
  const declared = pngDeclaredSize(body)
  if (declared) checkPixels(declared.width, declared.height, 'PNG', maxPixels)
  let png: ReturnType<typeof decodePng>
  try {
    png = decodePng(body, { checkCrc: true })
  } catch (error) {
    throw new Error(
      `compressedDepth PNG does not decode (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  if (png.depth !== 16 || png.channels !== 1) {
    throw new Error(
      `compressedDepth PNG is ${png.depth}-bit with ${png.channels} channels, expected 16-bit grey`,
    )
  }
  return { width: png.width, height: png.height, values: png.data }
}

function readRvl(
  body: Uint8Array,
  maxPixels: number,
): { width: number; height: number; values: ArrayLike<number> } {
  if (body.length < 8) throw new Error('compressedDepth RVL data is shorter than its size fields')
  const view = new DataView(body.buffer, body.byteOffset, 8)
  const width = view.getUint32(0, true)
  const height = view.getUint32(4, true)
  if (width === 0 || height === 0) {
    throw new Error(`compressedDepth RVL size ${width}×${height} is not plausible (corrupt data)`)
  }
  checkPixels(width, height, 'RVL', maxPixels)
  return { width, height, values: decodeRvl(body.subarray(8), width * height) }
}

/** Refuses a declared size over the pixel limit before any pixel buffer is allocated. */
function checkPixels(width: number, height: number, kind: string, maxPixels: number): void {
  if (width * height <= maxPixels) return
  throw new Error(
    `compressedDepth ${kind} declares ${width}×${height} pixels, over the limit of ${maxPixels} (SPATIAL_LENS_MAX_IMAGE_PIXELS)`,
  )
}
