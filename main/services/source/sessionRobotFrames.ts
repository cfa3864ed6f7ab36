/**
 * Robot TF frames on a source session's scenes. The scene is built in the scene worker, but TF lives on the host
 * (the recording's or rosbridge's tree in the session), so the frames are attached here after the scene comes
 * back: at the frame's stamp, in the scene's world frame. The kept scene (what `qa:ask` answers on, what the
 * pinned watches measure) and its summary (what the viewer gets) both carry them.
 */
import type { Frame } from '../../engine/types'
import type { TfTree } from '../../engine/tf/tfTree'
import { withRobotFrames } from '../../engine/tf/robotFrames'
import type { SceneComputation } from '../../frames/analyzeFrame'

/** What the session knows about the robot when a frame is analysed. */
export interface SessionRobot {
  tf: TfTree | null
  /** The image's TF frame id (header.frame_id), '' when unknown. */
  cameraFrameOf(frame: Frame): string
  /** The chosen gripper frame (`source:select` topics.gripperFrame), if any. */
  gripperFrameId?: string
}

/** The computation with robot frames on its scene and summary; unchanged without TF. */
export function withSessionRobotFrames(
  computation: SceneComputation,
  frame: Frame,
  robot: SessionRobot,
): SceneComputation {
  if (!robot.tf) return computation
  const scene = withRobotFrames(computation.scene, {
    tfTree: robot.tf,
    cameraFrameId: robot.cameraFrameOf(frame),
    ...(robot.gripperFrameId ? { gripperFrameId: robot.gripperFrameId } : {}),
  })
  if (scene === computation.scene) return computation
  const summary = {
    ...computation.summary,
    warnings: scene.warnings,
    ...(scene.robotFrames ? { robotFrames: scene.robotFrames } : {}),
  }
  return { ...computation, scene, summary }
}
