/**
 * Places the robot's TF frames in each analysed scene of a live or recorded stream, so watch queries and questions
 * can name them ("alert when the gripper is within 5 cm of the mug"). TF lives on the host (the source reads it),
 * while scenes may be built elsewhere (the scene worker): the frames are attached here, on the host, after the
 * scene comes back — at the frame's stamp, in the scene's world frame (worldFromCamera · camera←frame).
 */

import type { Frame, Scene } from '../engine/types'
import { TfTree } from '../engine/tf/tfTree'
import { transformsFromTfMessage } from '../engine/tf/fromMessage'
import { withRobotFrames } from '../engine/tf/robotFrames'
import { isStaticTfTopic } from '../sources/robot/schemaKinds'
import { describeCause } from '../sources/SourceError'
import type { FrameSource } from './FrameSource'

/** The TF topics a live source passes on as messages (ROS 2 type names; rosbridge accepts them). */
export const TF_TOPICS = [
  { name: '/tf', type: 'tf2_msgs/msg/TFMessage' },
  { name: '/tf_static', type: 'tf2_msgs/msg/TFMessage' },
]

/** Dynamic TF kept for live sources, ns (a frame older than this cannot be placed). */
const LIVE_TF_CACHE_NS = 60_000_000_000n

export class RobotFrameAttacher {
  /** Transforms from the source's /tf messages (live sources); recordings bring their own tree. */
  private readonly messageTree = new TfTree({ cacheDurationNs: LIVE_TF_CACHE_NS })

  /** @param gripperFrameId the TF frame "the gripper" means; default: the grammar's naming rule. */
  constructor(
    private readonly source: FrameSource,
    private readonly gripperFrameId?: string,
  ) {}

  /**
   * Takes a /tf or /tf_static message a live source passed on.
   * @returns a line for the user when the message is not a TF message that decodes, else undefined.
   */
  addMessage(topic: string, message: unknown): string | undefined {
    try {
      for (const t of transformsFromTfMessage(message, isStaticTfTopic(topic)))
        this.messageTree.add(t)
      return undefined
    } catch (error) {
      return `${topic}: ${describeCause(error)}`
    }
  }

  /** The scene with the robot frames at `frame`'s stamp (unchanged when there is no TF at all). */
  attach(scene: Scene, frame: Frame): Scene {
    const own = this.source.robotContext?.(frame)
    const context = own ?? {
      tfTree: this.messageTree,
      cameraFrameId: this.source.cameraFrameId?.() ?? '',
    }
    return withRobotFrames(scene, {
      ...context,
      ...(this.gripperFrameId ? { gripperFrameId: this.gripperFrameId } : {}),
    })
  }
}
