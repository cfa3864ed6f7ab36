/**
 * `--mcap` frames for the CLI: opens the recording, seeks to `--at` seconds from its start and returns the first
 * frame there. A missing `--color-topic` lists the image topics to choose from.
 */
import type { Frame } from '../engine/types'
import { McapFrameSource, describeTopics } from '../sources/mcap/mcapFrameSource'
import { listMcapTopics, openMcap } from '../sources/mcap/openMcap'
import { schemaKind } from '../sources/robot/schemaKinds'
import { UserError } from '../app/userError'
import type { McapFrameArgs } from './args'

/**
 * One frame of the recording.
 * @param warn receives frame warnings (calibration mismatch, skipped chunks), one line each.
 * @throws SourceError / UserError when the file or a topic is missing, or no frame exists at or after `--at`.
 */
export async function loadMcapFrame(
  args: McapFrameArgs,
  warn: (text: string) => void,
): Promise<Frame> {
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
    const next = await source[Symbol.asyncIterator]().next()
    const stats = source.stats()
    if (next.done) {
      const why = stats.lastError ? ` (last problem: ${stats.lastError})` : ''
      throw new UserError(`${source.description}: no frame at or after ${args.atS ?? 0} s${why}`)
    }
    for (const w of next.value.warnings) warn(w)
    if (stats.decodeErrors > 0 && stats.lastError)
      warn(`${stats.decodeErrors} message(s) skipped: ${stats.lastError}`)
    return next.value.frame
  } finally {
    await source.close()
  }
}
