import { currentLimits } from '../app/limits'
import { SourceError } from './SourceError'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * The width and height a PNG declares in its IHDR chunk (the first chunk, bytes 8–32), read without
 * decoding anything; null when the bytes do not start like a PNG (the decoder then says why).
 */
export function pngDeclaredSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((value, i) => bytes[i] !== value)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Chunk length (4), then the type, which must be IHDR.
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== 'IHDR') return null
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/**
 * Throws unless an image of `width`×`height` fits the pixel limit. Called on the size a file's
 * header declares, before any pixel buffer exists: a 1 MB PNG can declare 15000² pixels (gigabytes
 * once decoded).
 * @param maxPixels default: the limit in force (SPATIAL_LENS_MAX_IMAGE_PIXELS, main/app/limits.ts).
 */
export function assertPixelLimit(
  width: number,
  height: number,
  name: string,
  maxPixels = currentLimits().maxImagePixels,
): void {
  const pixels = width * height
  if (pixels <= maxPixels) return
  throw new SourceError(
    `${name} declares ${width}×${height} = ${formatPixels(pixels)} pixels, over the limit of ${formatPixels(maxPixels)}; ` +
      'downscale the image (and its intrinsics), or raise SPATIAL_LENS_MAX_IMAGE_PIXELS on the machine that analyses it',
    { file: name },
  )
}

function formatPixels(pixels: number): string {
  return pixels >= 1e6 ? `${(pixels / 1e6).toFixed(1)} M` : String(pixels)
}
