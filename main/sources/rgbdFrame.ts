import type { DepthImage, Frame, Intrinsics, RgbImage } from '../engine/types'
import { decodeColorImage } from './colorImage'
import { assertDepthScale, decodeDepthPng } from './depthImage'
import { parseIntrinsicsJson, parseIntrinsicsValue } from './intrinsics'
import { readSourceFile } from './readSourceFile'
import { SourceError } from './SourceError'

/** Depth PNG units per metre when neither the caller nor intrinsics.json says: millimetres, the common convention. */
export const DEFAULT_DEPTH_SCALE = 1000

/** Files of one RGB-D frame on disk. */
export interface RgbdFramePaths {
  rgbPath: string
  /** 16-bit single-channel depth PNG registered to the colour image; omit for a colour-only frame. */
  depthPath?: string
  /** intrinsics.json: {width, height, fx, fy, cx, cy, depthScale?}. */
  intrinsicsPath: string
  /** Depth units per metre; overrides intrinsics.json's depthScale. Default 1000 (millimetres). */
  depthScale?: number
  cameraId?: string
}

/** The same frame as in-memory files (uploads); names are used in messages and provenance. */
export interface RgbdFrameBytes {
  rgb: Uint8Array
  rgbName: string
  depth?: Uint8Array
  depthName?: string
  /** intrinsics.json bytes or text, or an already-parsed object (validated the same way). */
  intrinsics: Uint8Array | string | Intrinsics
  intrinsicsName: string
  depthScale?: number
  cameraId?: string
}

/**
 * Loads one RGB-D frame from files: colour image, optional depth PNG, intrinsics.json.
 *
 * depthScale precedence: `depthScale` argument > intrinsics.json `depthScale` > 1000.
 * @returns a Frame with depth in metres (depthSource 'sensor'; 'monocular' when no depth file is given, since the
 *   engine must then estimate it), timestampNs 0n (files carry no capture time).
 * @throws SourceError for a missing/unreadable file, undecodable images, bad intrinsics, a colour size that differs
 *   from the intrinsics, a depth size that differs from the colour size, or a depth image with no valid pixel.
 */
export async function loadRgbdFrame(paths: RgbdFramePaths): Promise<Frame> {
  const [rgb, depth, intrinsics] = await Promise.all([
    readSourceFile(paths.rgbPath),
    paths.depthPath === undefined ? Promise.resolve(undefined) : readSourceFile(paths.depthPath),
    readSourceFile(paths.intrinsicsPath),
  ])
  return loadRgbdFrameFromBytes({
    rgb,
    rgbName: paths.rgbPath,
    depth,
    depthName: paths.depthPath,
    intrinsics,
    intrinsicsName: paths.intrinsicsPath,
    depthScale: paths.depthScale,
    cameraId: paths.cameraId,
  })
}

/**
 * {@link loadRgbdFrame} over in-memory files, for uploads (the HTTP server). Same checks and messages.
 * The input arrays are not retained; the returned Frame owns its buffers.
 */
export async function loadRgbdFrameFromBytes(input: RgbdFrameBytes): Promise<Frame> {
  const { intrinsics, depthScale: fileDepthScale } = readIntrinsics(
    input.intrinsics,
    input.intrinsicsName,
  )
  const depthName = input.depthName ?? 'depth'
  const depthScale = input.depthScale ?? fileDepthScale ?? DEFAULT_DEPTH_SCALE
  if (input.depth !== undefined) assertDepthScale(depthScale, depthName)

  // sharp decodes on libuv's thread pool, so the synchronous depth decode overlaps with it.
  const colorPromise = decodeColorImage(input.rgb, input.rgbName)
  let depth: DepthImage | undefined
  try {
    depth =
      input.depth === undefined ? undefined : decodeDepthPng(input.depth, depthName, depthScale)
  } catch (error) {
    colorPromise.catch(() => undefined) // the depth error is the one reported; avoid an unhandled rejection
    throw error
  }
  const rgb = await colorPromise

  checkColorMatchesIntrinsics(rgb, input.rgbName, intrinsics, input.intrinsicsName)
  if (depth !== undefined) {
    checkDepthMatchesColor(depth, depthName, rgb, input.rgbName)
    checkDepthHasValidPixels(depth, depthName)
  }

  const parts = [`rgb ${input.rgbName}`]
  if (depth !== undefined) parts.push(`depth ${depthName} (depthScale ${depthScale})`)
  parts.push(`intrinsics ${input.intrinsicsName}`)
  return {
    cameraId: input.cameraId ?? 'file',
    timestampNs: 0n,
    rgb,
    depth,
    intrinsics,
    depthSource: depth === undefined ? 'monocular' : 'sensor',
    ...(depth !== undefined ? { depthScale } : {}),
    sourceDescription: parts.join(', '),
  }
}

function readIntrinsics(
  source: Uint8Array | string | Intrinsics,
  name: string,
): { intrinsics: Intrinsics; depthScale?: number } {
  if (typeof source === 'string') return parseIntrinsicsJson(source, name)
  if (source instanceof Uint8Array)
    return parseIntrinsicsJson(new TextDecoder().decode(source), name)
  return parseIntrinsicsValue(source, name)
}

function checkColorMatchesIntrinsics(
  rgb: RgbImage,
  rgbName: string,
  k: Intrinsics,
  kName: string,
): void {
  if (rgb.width === k.width && rgb.height === k.height) return
  throw new SourceError(
    `colour image ${rgbName} is ${rgb.width}×${rgb.height} but intrinsics ${kName} are for ` +
      `${k.width}×${k.height}; use the intrinsics of this resolution (or scale fx, fy, cx, cy with the image)`,
    { file: rgbName },
  )
}

function checkDepthMatchesColor(
  depth: DepthImage,
  depthName: string,
  rgb: RgbImage,
  rgbName: string,
): void {
  if (depth.width === rgb.width && depth.height === rgb.height) return
  throw new SourceError(
    `depth image ${depthName} is ${depth.width}×${depth.height} but colour image ${rgbName} is ` +
      `${rgb.width}×${rgb.height}; depth must be registered to the colour image at the same resolution`,
    { file: depthName },
  )
}

function checkDepthHasValidPixels(depth: DepthImage, depthName: string): void {
  const data = depth.data
  for (let i = 0; i < data.length; i++) {
    if (data[i] > 0) return // NaN and 0 both fail this test, which is what invalid means
  }
  throw new SourceError(
    `depth image ${depthName} has no valid pixels (all zero); check that it is the right file and ` +
      'that the sensor saw the scene',
    { file: depthName },
  )
}
