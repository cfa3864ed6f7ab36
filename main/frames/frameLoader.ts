import { decode } from 'fast-png'
import type { Frame, RegionPrompt } from '../engine/types'
import type { FrameInput, RegionInput } from '../contract/channels'
import { loadRgbdFrame, loadRgbdFrameFromBytes } from '../sources/rgbdFrame'
import { parsePcd, pcdToFrame } from '../sources/pcd'
import { SourceError, describeCause } from '../sources/SourceError'
import { assertPixelLimit, pngDeclaredSize } from '../sources/pixelLimit'
import { sampleFramePaths } from '../app/paths'
import type { RawFrameInput } from '../contract/rawFrameSchema'
import type { RobotFramesInCamera } from '../engine/tf/robotFrames'

/** Decodes a frame given as file bytes (or the embedded sample) into an engine Frame. */
export async function loadFrameInput(input: FrameInput): Promise<Frame> {
  if (input.kind === 'sample') {
    const sample = sampleFramePaths()
    const frame = await loadRgbdFrame({ ...sample, cameraId: 'sample' })
    return { ...frame, sourceDescription: sample.name }
  }
  if (input.kind === 'pcd') return pcdToFrame(parsePcd(input.pcdFile, input.name), input.name)
  if (input.kind === 'raw') return rawFrame(input)
  return loadRgbdFrameFromBytes({
    rgb: input.colorFile,
    rgbName: `${input.name} (colour)`,
    depth: input.depthFile,
    // Each message names the file it is about: the depth and intrinsics files by their own names when given.
    depthName: input.depthName ?? `(sent with ${input.name})`,
    intrinsics: input.intrinsics,
    intrinsicsName: input.intrinsicsName ?? `(sent with ${input.name})`,
    depthScale: input.depthScale ?? input.intrinsics.depthScale,
    cameraId: input.cameraId ?? input.name,
  })
}

/** A decoded frame (robot sources): the arrays are used as they are, after the pixel limit. */
function rawFrame(input: RawFrameInput): Frame {
  assertPixelLimit(input.rgb.width, input.rgb.height, input.name)
  const { width, height } = input.rgb
  return {
    cameraId: input.cameraId,
    timestampNs: BigInt(input.timestampNs),
    rgb: { width, height, data: input.rgb.data },
    ...(input.depth ? { depth: { width, height, data: input.depth.data } } : {}),
    intrinsics: input.intrinsics,
    depthSource: input.depth ? (input.depthSource ?? 'sensor') : 'monocular',
    sourceDescription: input.name,
    ...(input.depthScale !== undefined ? { depthScale: input.depthScale } : {}),
  }
}

/**
 * The contract form of an engine frame, to send it to the scene worker (no copies: the arrays travel).
 * `robotFrames`: the robot's TF frames located in the camera frame at the frame's stamp, when the host has TF.
 */
export function rawFrameInput(
  frame: Frame,
  name: string,
  robotFrames?: RobotFramesInCamera,
): RawFrameInput {
  return {
    kind: 'raw',
    name,
    cameraId: frame.cameraId,
    timestampNs: frame.timestampNs.toString(),
    // Engine frames own plain ArrayBuffers (never shared ones): the contract's array type.
    rgb: {
      width: frame.rgb.width,
      height: frame.rgb.height,
      data: frame.rgb.data as Uint8Array<ArrayBuffer>,
    },
    ...(frame.depth
      ? {
          depth: {
            width: frame.depth.width,
            height: frame.depth.height,
            data: frame.depth.data as Float32Array<ArrayBuffer>,
          },
        }
      : {}),
    intrinsics: frame.intrinsics,
    // 'monocular' frames carry no depth: the scene's depth model fills it.
    ...(frame.depth && frame.depthSource !== 'monocular' ? { depthSource: frame.depthSource } : {}),
    ...(frame.depthScale !== undefined ? { depthScale: frame.depthScale } : {}),
    ...(robotFrames ? { robotFrames } : {}),
  }
}

/** Contract regions → engine regions; mask PNGs are decoded to one byte per pixel (non-zero = inside). */
export function toRegionPrompts(regions: RegionInput[]): RegionPrompt[] {
  return regions.map((region, index) => {
    if ('box' in region) return { label: region.label, box: region.box }
    if ('point' in region) return { label: region.label, point: region.point }
    return {
      label: region.label,
      ...decodeMask(region.maskPng, `region ${index + 1} ("${region.label}") mask`),
    }
  })
}

function decodeMask(
  bytes: Uint8Array,
  name: string,
): { mask: Uint8Array; maskWidth: number; maskHeight: number } {
  const declared = pngDeclaredSize(bytes)
  if (declared) assertPixelLimit(declared.width, declared.height, name)
  let image
  try {
    image = decode(bytes)
  } catch (error) {
    throw new SourceError(`${name} is not a readable PNG: ${describeCause(error)}`, {
      file: name,
      cause: error,
    })
  }
  const { width, height, channels, data } = image
  const mask = new Uint8Array(width * height)
  for (let i = 0; i < mask.length; i++) {
    let isInside = false
    for (let c = 0; c < Math.min(channels, 3); c++)
      if (data[i * channels + c] !== 0) isInside = true
    mask[i] = isInside ? 1 : 0
  }
  return { mask, maskWidth: width, maskHeight: height }
}
