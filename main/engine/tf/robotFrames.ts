/**
 * Robot TF frames as point-like things in a scene, so questions can name them ("how far is the gripper from the
 * mug"). Pure TypeScript.
 *
 * The camera's TF frame must be an optical frame (x right, y down, z forward — REP 103 `*_optical_frame`, which is
 * what image header.frame_id carries), the same axes as the engine's camera frame; a frame point is then mapped
 * camera → world with the scene's worldFromCamera.
 */
import type { Scene, Vec3 } from '../types'
import { transformPoint } from '../geometry/rigidTransform'
import { applyTransform } from './quat'
import { TfLookupError, type TfTree } from './tfTree'

/** One TF frame's origin located in the scene. */
export interface RobotFramePoint {
  /** TF frame id, e.g. "tool0". */
  frameId: string
  /** The name a question can use: the frame id with '_' as spaces ("tool0", "gripper", "base link"). */
  name: string
  /** Frame origin in the camera (optical) frame, metres. */
  pointInCamera: Vec3
  /** Frame origin in the scene's world frame, metres. */
  pointInWorld: Vec3
}

export interface RobotFramesResult {
  points: RobotFramePoint[]
  /** Frames that could not be placed (no transform at that time), one line each. */
  warnings: string[]
}

/**
 * The origins of TF frames in the scene's world frame at `timeNs`.
 * @param cameraFrameId the image's header.frame_id (an optical frame).
 * @param frameIds which frames to place; default every frame in the tree except the camera's.
 * @throws TfLookupError when the camera frame is not in the tree (nothing can be placed then).
 */
export function robotFramesInScene(
  scene: Pick<Scene, 'worldFromCamera'>,
  tfTree: TfTree,
  cameraFrameId: string,
  timeNs: bigint,
  frameIds?: string[],
): RobotFramesResult {
  const camera = cameraFrameId.replace(/^\//, '')
  if (!tfTree.hasFrame(camera)) {
    throw new TfLookupError(
      `camera frame "${camera}" is not in the TF tree (known: ${tfTree.frameIds().join(', ') || 'none'}); robot frames cannot be placed`,
    )
  }
  const wanted = (frameIds ?? tfTree.frameIds())
    .map((id) => id.replace(/^\//, ''))
    .filter((id) => id !== camera)
  const points: RobotFramePoint[] = []
  const warnings: string[] = []
  for (const frameId of wanted) {
    try {
      const cameraFromFrame = tfTree.lookup(camera, frameId, timeNs)
      const pointInCamera = applyTransform(cameraFromFrame, [0, 0, 0])
      points.push({
        frameId,
        name: frameId.replace(/_/g, ' '),
        pointInCamera,
        pointInWorld: transformPoint(scene.worldFromCamera, pointInCamera),
      })
    } catch (error) {
      if (!(error instanceof TfLookupError)) throw error
      warnings.push(error.message)
    }
  }
  return { points, warnings }
}

/** What a source knows about the robot when a frame arrives: its TF tree and the image's TF frame. */
export interface RobotContext {
  tfTree: TfTree
  /** The image's header.frame_id (an optical frame); '' when the source does not know it. */
  cameraFrameId: string
  /** The frame "the gripper" means (`--gripper-frame`); without it the grammar's naming rule picks one. */
  gripperFrameId?: string
}

/**
 * The scene with `robotFrames` filled from TF at the scene's stamp (every frame of the tree placed in the scene's
 * world frame: worldFromCamera · camera←frame). Unchanged when the tree is empty; when the camera frame is not in
 * the tree or some frames have no transform at that time, the reasons are added to the scene's warnings.
 * The scene is not mutated.
 */
export function withRobotFrames(scene: Scene, robot: RobotContext): Scene {
  const tree = robot.tfTree
  if (tree.frameIds().length === 0) return scene
  const gripper = robot.gripperFrameId ? { gripperFrameId: robot.gripperFrameId } : {}
  try {
    const placed = robotFramesInScene(scene, tree, robot.cameraFrameId, scene.timestampNs)
    const unknownGripper =
      robot.gripperFrameId !== undefined && !tree.hasFrame(robot.gripperFrameId.replace(/^\//, ''))
        ? [
            `gripper frame "${robot.gripperFrameId}" is not in the TF tree (known: ${tree.frameIds().join(', ')})`,
          ]
        : []
    return {
      ...scene,
      robotFrames: { points: placed.points, ...gripper },
      warnings: [...scene.warnings, ...placed.warnings, ...unknownGripper],
    }
  } catch (error) {
    if (!(error instanceof TfLookupError)) throw error
    return { ...scene, warnings: [...scene.warnings, error.message] }
  }
}
