/**
 * `--mcap` frames for the CLI: opens the recording, seeks to `--at` seconds from its start and returns the first
 * frame there, with the recording's TF (static, and dynamic up to just past the frame) for robot frames. A missing
 * `--color-topic` lists the image topics to choose from.
 */
import type { Frame } from '../engine/types'
import type { RobotContext } from '../engine/tf/robotFrames'
import type { TfTree } from '../engine/tf/tfTree'
import type { RobotFrame } from '../sources/robot/frameSource'
import { McapFrameSource, describeTopics } from '../sources/mcap/mcapFrameSource'
import { listMcapTopics, openMcap } from '../sources/mcap/openMcap'
import { schemaKind } from '../sources/robot/schemaKinds'
import { UserError } from '../app/userError'
import type { McapFrameArgs } from './args'

/**
 * One frame of the recording and its robot context: the TF tree (static transforms, and dynamic ones read up to
 * the frame — and through the next frame when a transform at the frame's stamp is logged after the image) and the
 * image's TF frame id. `robot` is undefined when the recording has no TF.
 */
export async function loadMcapRobotFrame(
  args: McapFrameArgs,
  warn: (text: string) => void,
): Promise<{ frame: Frame; robot?: RobotContext }> {
  if (!args.colorTopic) {
    const { reader, readable, name } = await openMcap(args.path)
    const topics = await listMcapTopics(reader).finally(() => readable.close())
    const cameras = topics.filter((t) =>
      ['image', 'compressedImage', 'pointCloud2'].includes(schemaKind(t.schemaName)),
    )
    throw new UserError(
      `missing --color-topic; ${name} has ${cameras.length === 0 ? 'no image topics (all topics: ' + describeTopics(topics) + ')' : 'these image topics: ' + describeTopics(cameras)}`,
    )
  }
  const source = await McapFrameSource.open(args.path, {
    colorTopic: args.colorTopic,
    depthTopic: args.depthTopic,
    cameraInfoTopic: args.cameraInfoTopic,
  })
  try {
    const range = source.timeRange()
    if (range && args.atS) source.seek(range.startNs + BigInt(Math.round(args.atS * 1e9)))
    const frames = source[Symbol.asyncIterator]()
    const next = await frames.next()
    const stats = source.stats()
    if (next.done) {
      const why = stats.lastError ? ` (last problem: ${stats.lastError})` : ''
      throw new UserError(`${source.description}: no frame at or after ${args.atS ?? 0} s${why}`)
    }
    for (const w of next.value.warnings) warn(w)
    if (stats.decodeErrors > 0 && stats.lastError)
      warn(`${stats.decodeErrors} message(s) skipped: ${stats.lastError}`)
    if (source.tf.frameIds().length === 0) return { frame: next.value.frame }
    if (!isTfComplete(source.tf, next.value)) await frames.next() // reads the TF logged after the image
    const robot: RobotContext = {
      tfTree: source.tf,
      cameraFrameId: next.value.cameraFrameId,
      ...(args.gripperFrameId ? { gripperFrameId: args.gripperFrameId } : {}),
    }
    return { frame: next.value.frame, robot }
  } finally {
    await source.close()
  }
}

/** Whether every TF frame can be looked up from the camera at the frame's stamp (no sample missing after it). */
function isTfComplete(tf: TfTree, robotFrame: RobotFrame): boolean {
  const camera = robotFrame.cameraFrameId.replace(/^\//, '')
  if (!tf.hasFrame(camera)) return true // nothing to wait for: the warning comes with the scene
  return tf.frameIds().every((id) => {
    try {
      tf.lookup(camera, id, robotFrame.frame.timestampNs)
      return true
    } catch {
      return false
    }
  })
}
