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

/** One TF frame's origin in the camera (optical) frame, metres: what a host sends along with a frame. */
export interface RobotFrameInCamera {
  frameId: string
  pointInCamera: Vec3
}

/**
 * The TF frames of one frame, located in the camera frame at its stamp (host side: the TF tree stays with the
 * source), ready to be placed in the scene once its world frame is known ({@link placeRobotFrames}).
 */
export interface RobotFramesInCamera {
  points: RobotFrameInCamera[]
  /** The frame "the gripper" means, when the user named one. */
  gripperFrameId?: string
  /** Frames that could not be located (no transform at that time, camera not in the tree), one line each. */
  warnings: string[]
}

/**
 * The origins of TF frames in the camera (optical) frame at `timeNs`.
 * @param cameraFrameId the image's header.frame_id (an optical frame).
 * @param frameIds which frames to locate; default every frame in the tree except the camera's.
 * @throws TfLookupError when the camera frame is not in the tree (nothing can be located then).
 */
export function locateFramesInCamera(
  tfTree: TfTree,
  cameraFrameId: string,
  timeNs: bigint,
  frameIds?: string[],
): { points: RobotFrameInCamera[]; warnings: string[] } {
  const camera = cameraFrameId.replace(/^\//, '')
  if (!tfTree.hasFrame(camera)) {
    throw new TfLookupError(
      `camera frame "${camera}" is not in the TF tree (known: ${tfTree.frameIds().join(', ') || 'none'}); robot frames cannot be placed`,
    )
  }
  const wanted = (frameIds ?? tfTree.frameIds())
    .map((id) => id.replace(/^\//, ''))
    .filter((id) => id !== camera)
  const points: RobotFrameInCamera[] = []
  const warnings: string[] = []
  for (const frameId of wanted) {
    try {
      const cameraFromFrame = tfTree.lookup(camera, frameId, timeNs)
      points.push({ frameId, pointInCamera: applyTransform(cameraFromFrame, [0, 0, 0]) })
    } catch (error) {
      if (!(error instanceof TfLookupError)) throw error
      warnings.push(error.message)
    }
  }
  return { points, warnings }
}

/** Camera-frame origins → scene points: the question name ('_' as spaces) and the world position. */
function toScenePoints(
  scene: Pick<Scene, 'worldFromCamera'>,
  points: RobotFrameInCamera[],
): RobotFramePoint[] {
  return points.map(({ frameId, pointInCamera }) => ({
    frameId,
    name: frameId.replace(/_/g, ' '),
    pointInCamera,
    pointInWorld: transformPoint(scene.worldFromCamera, pointInCamera),
  }))
}

/**
 * The origins of TF frames in the scene's world frame at `timeNs` ({@link locateFramesInCamera}, then the scene's
 * worldFromCamera).
 * @throws TfLookupError when the camera frame is not in the tree (nothing can be placed then).
 */
export function robotFramesInScene(
  scene: Pick<Scene, 'worldFromCamera'>,
  tfTree: TfTree,
  cameraFrameId: string,
  timeNs: bigint,
  frameIds?: string[],
): RobotFramesResult {
  const located = locateFramesInCamera(tfTree, cameraFrameId, timeNs, frameIds)
  return { points: toScenePoints(scene, located.points), warnings: located.warnings }
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
 * Every TF frame of the tree located in the camera frame at `timeNs`, with the reasons for those that cannot be
 * (a gripper frame not in the tree included). Null when the tree is empty (the source has no TF).
 */
export function robotFramesInCamera(
  robot: RobotContext,
  timeNs: bigint,
): RobotFramesInCamera | null {
  const tree = robot.tfTree
  if (tree.frameIds().length === 0) return null
  const gripper = robot.gripperFrameId ? { gripperFrameId: robot.gripperFrameId } : {}
  try {
    const located = locateFramesInCamera(tree, robot.cameraFrameId, timeNs)
    const unknownGripper =
      robot.gripperFrameId !== undefined && !tree.hasFrame(robot.gripperFrameId.replace(/^\//, ''))
        ? [
            `gripper frame "${robot.gripperFrameId}" is not in the TF tree (known: ${tree.frameIds().join(', ')})`,
          ]
        : []
    return { ...located, ...gripper, warnings: [...located.warnings, ...unknownGripper] }
  } catch (error) {
    if (!(error instanceof TfLookupError)) throw error
    return { points: [], ...gripper, warnings: [error.message] }
  }
}

/**
 * The scene with `robotFrames` set from frames located in its camera frame (each origin mapped with the scene's
 * worldFromCamera) and their warnings added. Nothing is placed when no frame could be located. Not mutated.
 */
export function placeRobotFrames(scene: Scene, frames: RobotFramesInCamera): Scene {
  const gripper = frames.gripperFrameId ? { gripperFrameId: frames.gripperFrameId } : {}
  return {
    ...scene,
    ...(frames.points.length > 0
      ? { robotFrames: { points: toScenePoints(scene, frames.points), ...gripper } }
      : {}),
    warnings: [...scene.warnings, ...frames.warnings],
  }
}

/**
 * The scene with `robotFrames` filled from TF at the scene's stamp (every frame of the tree placed in the scene's
 * world frame: worldFromCamera · camera←frame). Unchanged when the tree is empty; when the camera frame is not in
 * the tree or some frames have no transform at that time, the reasons are added to the scene's warnings.
 * The scene is not mutated.
 */
export function withRobotFrames(scene: Scene, robot: RobotContext): Scene {
  const frames = robotFramesInCamera(robot, scene.timestampNs)
  return frames ? placeRobotFrames(scene, frames) : scene
}
