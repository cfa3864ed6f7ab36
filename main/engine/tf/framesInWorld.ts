/**
 * TF frames drawn in a scene (origin and axes in the scene's world frame) and the scene's world
 * expressed in a chosen fixed frame (map, odom, base_link). Pure TypeScript.
 *
 * The camera's TF frame is an optical frame (x right, y down, z forward: REP 103 `*_optical_frame`,
 * the image's header.frame_id), the axes of the engine's camera frame, so
 * worldFromFrame = worldFromCamera · cameraFromFrame.
 */
import type { Vec3 } from '../types'
import { invertRigid, transformPoint } from '../geometry/rigidTransform'
import { quatRotate, transformToMatrix } from './quat'
import { TfLookupError, type TfTree } from './tfTree'

/** One TF frame placed in the scene: origin (metres) and unit axes in the world frame. */
export interface FrameInWorld {
  frameId: string
  originInWorld: Vec3
  xAxisInWorld: Vec3
  yAxisInWorld: Vec3
  zAxisInWorld: Vec3
}

/** 3×3 part of a column-major 4×4 applied to a direction. */
function rotateDirection(m: Float64Array, v: Vec3): Vec3 {
  return [
    m[0] * v[0] + m[4] * v[1] + m[8] * v[2],
    m[1] * v[0] + m[5] * v[1] + m[9] * v[2],
    m[2] * v[0] + m[6] * v[1] + m[10] * v[2],
  ]
}

/** a · b for column-major 4×4 matrices. */
export function multiply4(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(16)
  for (let c = 0; c < 4; c++)
    for (let r = 0; r < 4; r++) {
      let sum = 0
      for (let k = 0; k < 4; k++) sum += a[k * 4 + r] * b[c * 4 + k]
      out[c * 4 + r] = sum
    }
  return out
}

/**
 * The frames of `tree` at `timeNs` in the world frame of a scene seen by the camera `cameraFrameId`.
 * Frames without a transform at that time are left out and named in `warnings`; at most `maxFrames`
 * (alphabetical), so a huge tree cannot flood the viewer.
 */
export function tfFramesInWorld(
  worldFromCamera: Float64Array,
  tree: TfTree,
  cameraFrameId: string,
  timeNs: bigint,
  maxFrames = 64,
): { frames: FrameInWorld[]; warnings: string[] } {
  const camera = cameraFrameId.replace(/^\//, '')
  if (!camera || !tree.hasFrame(camera)) {
    const known = tree.frameIds()
    return {
      frames: [],
      warnings: known.length
        ? [`camera frame "${camera || '(none)'}" is not in the TF tree: TF frames are not drawn`]
        : [],
    }
  }
  const frames: FrameInWorld[] = []
  const warnings: string[] = []
  for (const frameId of tree.frameIds().sort().slice(0, maxFrames)) {
    try {
      const cameraFromFrame = tree.lookup(camera, frameId, timeNs)
      const axis = (v: Vec3) =>
        rotateDirection(worldFromCamera, quatRotate(cameraFromFrame.rotation, v))
      frames.push({
        frameId,
        originInWorld: transformPoint(worldFromCamera, cameraFromFrame.translationM),
        xAxisInWorld: axis([1, 0, 0]),
        yAxisInWorld: axis([0, 1, 0]),
        zAxisInWorld: axis([0, 0, 1]),
      })
    } catch (error) {
      if (!(error instanceof TfLookupError)) throw error
      warnings.push(error.message)
    }
  }
  return { frames, warnings }
}

/**
 * fixedFromWorld (4×4 column-major): maps the scene's world frame into TF frame `fixedFrameId`, so
 * the viewer can show the scene in the robot's fixed frame.
 * @throws TfLookupError when TF has no path from the camera to the fixed frame at `timeNs`.
 */
export function fixedFromWorld(
  worldFromCamera: Float64Array,
  tree: TfTree,
  cameraFrameId: string,
  fixedFrameId: string,
  timeNs: bigint,
): Float64Array {
  const fixedFromCamera = transformToMatrix(tree.lookup(fixedFrameId, cameraFrameId, timeNs))
  return multiply4(fixedFromCamera, invertRigid(worldFromCamera))
}
