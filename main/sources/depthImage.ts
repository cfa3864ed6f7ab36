import { decode as decodePng } from 'fast-png'
import type { DepthImage } from '../engine/types'
import { SourceError, describeCause } from './SourceError'
import { depthScaleProblem } from '../contract/intrinsicsRules'
import { assertPixelLimit, pngDeclaredSize } from './pixelLimit'
import { currentLimits } from '../app/limits'

/**
 * Decodes a 16-bit single-channel depth PNG to metres.
 *
 * fast-png is used instead of sharp because it returns the exact uint16 values; sharp's default pipeline scales
 * 16-bit images to 8 bits, which would silently destroy metric depth.
 *
 * @param bytes the PNG file; not retained.
 * @param name file name or path, used only in error messages.
 * @param depthScale stored units per metre (1000 for millimetres, 5000 for TUM): metres = value / depthScale.
 * @param maxPixels pixel limit, checked on the IHDR header before decoding (default: main/app/limits.ts).
 * @returns depth in metres, row-major; 0 stays 0 (invalid). The caller owns `data`.
 * @throws SourceError for a corrupt or non-PNG file, an 8-bit or multi-channel PNG, a bad depthScale,
 *   or more pixels than the limit.
 */
export function decodeDepthPng(
  bytes: Uint8Array,
  name: string,
  depthScale: number,
  maxPixels = currentLimits().maxImagePixels,
): DepthImage {
  assertDepthScale(depthScale, name)
  if (bytes.length === 0) {
    throw new SourceError(`depth image ${name} is empty; expected a 16-bit single-channel PNG`, {
      file: name,
    })
  }
  const declared = pngDeclaredSize(bytes)
  if (declared) assertPixelLimit(declared.width, declared.height, `depth image ${name}`, maxPixels)
  let png: ReturnType<typeof decodePng>
  try {
    // checkCrc catches bit-flipped files that would otherwise decode to plausible-looking wrong depth.
    png = decodePng(bytes, { checkCrc: true })
  } catch (error) {
    throw new SourceError(
      `depth image ${name} is not a readable PNG (corrupt or not a PNG): ${pngProblem(error)}; ` +
        'depth must be a 16-bit single-channel PNG',
      { file: name, cause: error },
    )
  }
  if (png.depth !== 16) {
    throw new SourceError(
      `depth image ${name} is ${png.depth}-bit; a depth PNG must be 16-bit single-channel ` +
        '(e.g. millimetres): 8-bit files are visualisations, not metric depth',
      { file: name },
    )
  }
  if (png.channels !== 1) {
    throw new SourceError(
      `depth image ${name} has ${png.channels} channels; a depth PNG must be 16-bit single-channel ` +
        '(greyscale, one depth value per pixel)',
      { file: name },
    )
  }
  const pixelCount = png.width * png.height
  const raw = png.data
  if (raw.length !== pixelCount) {
    throw new SourceError(
      `depth image ${name} decoded to ${raw.length} values for ${png.width}×${png.height}`,
      {
        file: name,
      },
    )
  }
  const metres = new Float32Array(pixelCount)
  for (let i = 0; i < pixelCount; i++) metres[i] = raw[i] / depthScale
  return { width: png.width, height: png.height, data: metres }
}

/** Throws SourceError unless `depthScale` is finite and within the range rules (main/contract/intrinsicsRules). */
export function assertDepthScale(depthScale: number, name: string): void {
  const problem =
    typeof depthScale !== 'number'
      ? `must be a number (got ${String(depthScale)})`
      : depthScaleProblem(depthScale)
  if (problem) throw new SourceError(`depthScale for ${name} ${problem}`, { file: name })
}

/** fast-png reports a cut-off file as a DataView bounds error; say what it means. */
function pngProblem(error: unknown): string {
  const cause = describeCause(error)
  return /outside the bounds|unexpected end|end of (data|buffer)/i.test(cause)
    ? 'the file is truncated'
    : cause
}
