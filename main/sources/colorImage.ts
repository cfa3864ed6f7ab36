import sharp from 'sharp'
import type { RgbImage } from '../engine/types'
import { SourceError, describeCause } from './SourceError'
import { assertPixelLimit } from './pixelLimit'
import { currentLimits } from '../app/limits'

/**
 * Decodes a colour image file (PNG, JPEG, WebP, TIFF, … anything sharp reads) to 8-bit RGB.
 *
 * Alpha is dropped, greyscale and palette images are expanded to three channels, 16-bit colour is reduced to 8 bits.
 * EXIF orientation is deliberately NOT applied: camera frames are registered to depth and intrinsics in the stored
 * pixel grid, and rotating the colour image alone would break that registration.
 *
 * @param bytes the encoded file; not retained.
 * @param name file name or path, used only in error messages.
 * @param maxPixels pixel limit, checked on the header before decoding (default: main/app/limits.ts).
 * @returns interleaved RGB, row-major, width·height·3 bytes; the caller owns `data`.
 * @throws SourceError when the bytes are empty, truncated, corrupt or not an image format sharp supports, or
 *   the image has more pixels than the limit.
 */
export async function decodeColorImage(
  bytes: Uint8Array,
  name: string,
  maxPixels = currentLimits().maxImagePixels,
): Promise<RgbImage> {
  if (bytes.length === 0) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): the file is empty`,
      {
        file: name,
      },
    )
  }
  await checkDeclaredSize(bytes, name, maxPixels)
  try {
    // failOn 'warning' (sharp's default, stated here on purpose): a truncated PNG/JPEG must fail, not decode
    // to a half-grey picture that later looks like a real scene.
    const { data, info } = await sharp(bytes, { failOn: 'warning', limitInputPixels: maxPixels })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    if (info.channels !== 3) {
      throw new Error(`decoded to ${info.channels} channels instead of 3`)
    }
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    }
  } catch (error) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): ${describeCause(error)}; ` +
        'check that the file is complete, or re-export it as PNG or JPEG',
      { file: name, cause: error },
    )
  }
}

/** Reads only the header (sharp's metadata) and refuses an image over the pixel limit before decoding. */
async function checkDeclaredSize(
  bytes: Uint8Array,
  name: string,
  maxPixels: number,
): Promise<void> {
  let size: { width?: number; height?: number }
  try {
    size = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): ${describeCause(error)}; ` +
        'check that the file is complete, or re-export it as PNG or JPEG',
      { file: name, cause: error },
    )
  }
  if (size.width !== undefined && size.height !== undefined)
    assertPixelLimit(size.width, size.height, name, maxPixels)
}
