import type { Frame } from '../types'
import { SceneInputError } from '../errors'

/** Checks what the scene pipeline relies on; throws SceneInputError with a user-facing message. */
export function validateFrameForScene(frame: Frame): void {
  const { intrinsics, rgb, depth } = frame
  for (const field of ['width', 'height', 'fx', 'fy'] as const) {
    const value = intrinsics[field]
    if (!(Number.isFinite(value) && value > 0)) {
      throw new SceneInputError(`intrinsics: ${field} must be a positive number (got ${value})`)
    }
  }
  for (const field of ['cx', 'cy'] as const) {
    if (!Number.isFinite(intrinsics[field]))
      throw new SceneInputError(`intrinsics: ${field} must be a finite number`)
  }
  if (rgb.width !== intrinsics.width || rgb.height !== intrinsics.height) {
    throw new SceneInputError(
      `colour image is ${rgb.width}×${rgb.height} but the intrinsics are for ${intrinsics.width}×${intrinsics.height}`,
    )
  }
  if (rgb.data.length !== rgb.width * rgb.height * 3) {
    throw new SceneInputError(
      `colour image data has ${rgb.data.length} bytes, expected ${rgb.width * rgb.height * 3}`,
    )
  }
  if (!depth) {
    throw new SceneInputError(
      'this frame has no depth: give a depth image (--depth) or a point cloud; colour-only frames need a depth model',
    )
  }
  if (depth.width !== rgb.width || depth.height !== rgb.height) {
    throw new SceneInputError(
      `depth image is ${depth.width}×${depth.height} but the colour image is ${rgb.width}×${rgb.height}; they must be registered and the same size`,
    )
  }
  if (depth.data.length !== depth.width * depth.height) {
    throw new SceneInputError(
      `depth data has ${depth.data.length} values, expected ${depth.width * depth.height}`,
    )
  }
  // Counting stops at 100: that is all the check needs.
  let valid = 0
  for (let i = 0; i < depth.data.length && valid < 100; i++)
    if (depth.data[i] > 0 && depth.data[i] < Infinity) valid++
  if (valid === 0)
    throw new SceneInputError(
      'depth has no valid pixels (all zero or NaN): check the depth file and its scale',
    )
  if (valid < 100)
    throw new SceneInputError(`depth has only ${valid} valid pixels: too few to build a scene`)
}
