/**
 * sensor_msgs/Image and foxglove.RawImage pixel data → engine images. Colour becomes 8-bit RGB; depth becomes
 * metres (16UC1 / mono16 = millimetres, the ROS depth convention (REP 118); 32FC1 = metres). Rows honour `step`
 * (padding) and `is_bigendian`.
 */
import type { DepthImage, RgbImage } from '../../engine/types'

/** The fields both sensor_msgs/Image and foxglove.RawImage carry. */
export interface RawImageFields {
  width: number
  height: number
  encoding: string
  step: number
  isBigEndian: boolean
  data: Uint8Array
}

const COLOUR_CHANNELS: Record<string, { channels: number; order: [number, number, number] }> = {
  rgb8: { channels: 3, order: [0, 1, 2] },
  bgr8: { channels: 3, order: [2, 1, 0] },
  rgba8: { channels: 4, order: [0, 1, 2] },
  bgra8: { channels: 4, order: [2, 1, 0] },
  mono8: { channels: 1, order: [0, 0, 0] },
  '8UC1': { channels: 1, order: [0, 0, 0] },
  '8UC3': { channels: 3, order: [2, 1, 0] }, // OpenCV's default channel order is BGR
}

/** Encodings read as depth. */
export const DEPTH_ENCODINGS = ['16UC1', 'mono16', '32FC1'] as const

/** True when the encoding is a depth encoding (16UC1, mono16, 32FC1). */
export function isDepthEncoding(encoding: string): boolean {
  return (DEPTH_ENCODINGS as readonly string[]).includes(encoding)
}

/** A colour Image → RGB. @throws Error for an unknown encoding or too little data. */
export function rawToRgb(image: RawImageFields): RgbImage {
  const layout = COLOUR_CHANNELS[image.encoding]
  if (!layout) {
    throw new Error(
      `image encoding "${image.encoding}" is not a colour encoding read here (${Object.keys(COLOUR_CHANNELS).join(', ')})`,
    )
  }
  const { width, height } = image
  checkSize(image, layout.channels)
  const out = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const row = y * image.step
    for (let x = 0; x < width; x++) {
      const src = row + x * layout.channels
      const dst = (y * width + x) * 3
      out[dst] = image.data[src + layout.order[0]]
      out[dst + 1] = image.data[src + layout.order[1]]
      out[dst + 2] = image.data[src + layout.order[2]]
    }
  }
  return { width, height, data: out }
}

/** A depth Image → metres (0 = no depth; NaN/Inf in 32FC1 become 0). @throws Error for other encodings. */
export function rawToDepth(image: RawImageFields): DepthImage {
  const { width, height, encoding } = image
  if (!isDepthEncoding(encoding)) {
    throw new Error(
      `image encoding "${encoding}" is not a depth encoding (${DEPTH_ENCODINGS.join(', ')})`,
    )
  }
  const isFloat = encoding === '32FC1'
  checkSize(image, isFloat ? 4 : 2)
  const view = new DataView(image.data.buffer, image.data.byteOffset, image.data.byteLength)
  const little = !image.isBigEndian
  const out = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    const row = y * image.step
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      if (isFloat) {
        const v = view.getFloat32(row + x * 4, little)
        out[i] = Number.isFinite(v) && v > 0 ? v : 0
      } else {
        out[i] = view.getUint16(row + x * 2, little) / 1000
      }
    }
  }
  return { width, height, data: out }
}

function checkSize(image: RawImageFields, bytesPerPixel: number): void {
  const { width, height, step, data, encoding } = image
  // Whole numbers only: a JSON-encoded channel can send NaN or 1.5, which would read bytes at offset 0 silently.
  if (!(Number.isSafeInteger(width) && Number.isSafeInteger(height) && width > 0 && height > 0))
    throw new Error(`image has no pixels (${width}×${height})`)
  if (!Number.isSafeInteger(step) || step < width * bytesPerPixel) {
    throw new Error(
      `image step ${step} is smaller than width ${width} × ${bytesPerPixel} bytes (${encoding})`,
    )
  }
  const needed = step * (height - 1) + width * bytesPerPixel
  if (data.length < needed) {
    throw new Error(
      `image data is ${data.length} bytes, ${width}×${height} ${encoding} needs ${needed} (truncated?)`,
    )
  }
}
