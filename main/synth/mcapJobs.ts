/**
 * MCAP recordings as synth inputs (node side): list a recording's colour frames (log time + header stamp) for the
 * plan, and load one job's frame back through the MCAP source's seek. A job names its frame by index and stamp,
 * so the job id (plan.ts) is stable while the file, topics and frame stay the same.
 */

import { join } from 'node:path'
import type { Frame } from '../engine/types'
import { McapFrameSource } from '../sources/mcap/mcapFrameSource'
import { listMcapTopics, openMcap } from '../sources/mcap/openMcap'
import { pickFrameTopics } from '../sources/mcap/pickTopics'
import { findCameraInfoTopic } from '../sources/mcap/topicChoice'
import { createMessageDecoder } from '../sources/robot/messageDecoder'
import { messageStamp } from '../sources/robot/frameParts'
import type { FrameTopics } from '../sources/robot/frameSource'
import { SynthPlanError, type McapListing, type SynthJobInput } from './plan'

/** Colour/depth pairing tolerance of the MCAP source (its default): a seek starts this much before the colour. */
const PAIR_TOLERANCE_NS = 20_000_000n

/**
 * The frames of `path` on the chosen (or automatically picked) topics; `every` keeps each N-th colour frame.
 * @throws SynthPlanError when the file does not open or the topics are ambiguous or missing.
 */
export async function listMcapFrames(
  path: string,
  given: Partial<FrameTopics>,
  every = 1,
): Promise<McapListing> {
  const { reader, readable, name } = await openMcap(path).catch((error: unknown) => {
    throw new SynthPlanError(error instanceof Error ? error.message : String(error))
  })
  try {
    const list = await listMcapTopics(reader)
    const picked = pickFrameTopics(list, given, name)
    if ('error' in picked) throw new SynthPlanError(picked.error)
    const { colorTopic, depthTopic } = picked.topics
    // Resolved here so the job (and its id) names the calibration it reads.
    const cameraInfoTopic = picked.topics.cameraInfoTopic ?? findCameraInfoTopic(list, colorTopic)
    for (const topic of [colorTopic, depthTopic, cameraInfoTopic])
      if (topic !== undefined && !list.some((t) => t.topic === topic))
        throw new SynthPlanError(`${name} has no topic "${topic}"`)
    const frames: McapListing['frames'] = []
    let decode: ((data: Uint8Array) => Record<string, unknown>) | undefined
    let index = 0
    for await (const raw of reader.readMessages({ topics: [colorTopic] })) {
      if (index++ % every !== 0) continue
      if (!decode) {
        const channel = reader.channelsById.get(raw.channelId)!
        const schema = reader.schemasById.get(channel.schemaId)
        decode = createMessageDecoder({
          topic: channel.topic,
          name: schema?.name ?? '',
          encoding: schema?.encoding ?? '',
          data: schema?.data ?? new Uint8Array(),
          messageEncoding: channel.messageEncoding,
        })
      }
      const { timeNs } = messageStamp(decode(raw.data), raw.logTime)
      frames.push({ index: index - 1, logTimeNs: String(raw.logTime), stampNs: String(timeNs) })
    }
    return { colorTopic, depthTopic, cameraInfoTopic, note: picked.note, frames }
  } finally {
    await readable.close()
  }
}

/**
 * One MCAP job's frame: seeks just before its colour message and takes the frame with its stamp.
 * @throws Error when that frame does not come out (no depth partner, decode failure), with the source's reason.
 */
export async function loadMcapJobFrame(
  input: Extract<SynthJobInput, { kind: 'mcap' }>,
  root: string,
): Promise<Frame> {
  const source = await McapFrameSource.open(join(root, input.mcap), {
    colorTopic: input.colorTopic,
    depthTopic: input.depthTopic || undefined,
    cameraInfoTopic: input.cameraInfoTopic || undefined,
  })
  try {
    const stamp = BigInt(input.stampNs)
    source.seek(BigInt(input.logTimeNs) - PAIR_TOLERANCE_NS)
    for await (const { frame } of source) {
      if (frame.timestampNs === stamp) return frame
      if (frame.timestampNs > stamp) break
    }
    const why = source.stats().lastError
    throw new Error(
      `${input.mcap}: frame ${input.frameIndex} of ${input.colorTopic} (stamp ${input.stampNs} ns) did not assemble${why ? `: ${why}` : ' (no depth within 20 ms?)'}`,
    )
  } finally {
    await source.close()
  }
}
