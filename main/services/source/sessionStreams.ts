/**
 * Opening a source session's two kinds of robot source: a recording (its summary at open, then a player over
 * the chosen topics) and a rosbridge graph (a probe at connect, then a subscription to the chosen topics).
 * SourceSession keeps the state; these build the pieces it holds.
 */
import { TfTree } from '../../engine/tf/tfTree'
import { RecordingPlayer, type RecordingPlayerOptions } from '../../live/RecordingPlayer'
import { RosbridgeSource } from '../../live/RosbridgeSource'
import { McapFrameSource } from '../../sources/mcap/mcapFrameSource'
import { listMcapTopics, openMcap } from '../../sources/mcap/openMcap'
import { tfFramesAtOpen } from '../../sources/mcap/tfFramesAtOpen'
import { describeCause } from '../../sources/SourceError'
import type { SourceTopic, SourceTopicChoice } from '../../contract/sourceSchema'
import { UserError } from '../../app/userError'
import { liveTopicRows, recordingTopicRows } from './sessionTopics'

/** What a recording says about itself at open, before any topic is chosen. */
export interface RecordingSummary {
  /** The file's name (the session's description). */
  name: string
  topicRows: SourceTopic[]
  /** Log times of the first and last message (ns); undefined for a recording without messages. */
  timeRange: { startNs: bigint; endNs: bigint } | undefined
  /** TF frames named by the recording (the fixed-frame choices before any frame plays). */
  tfFramesAtOpen: string[]
}

/** Reads a recording's summary only (topics, time range, TF frames). @throws SourceError for a bad file. */
export async function readRecordingSummary(path: string): Promise<RecordingSummary> {
  const { reader, readable, name } = await openMcap(path)
  try {
    const topicRows = recordingTopicRows(await listMcapTopics(reader))
    const s = reader.statistics
    const timeRange =
      s && s.messageCount > 0n
        ? { startNs: s.messageStartTime, endNs: s.messageEndTime }
        : undefined
    return { name, topicRows, timeRange, tfFramesAtOpen: await tfFramesAtOpen(reader) }
  } finally {
    await readable.close()
  }
}

/** Connects to rosbridge once and lists the graph's topics. @throws UserError when it cannot be reached. */
export async function probeRosbridgeTopics(url: string): Promise<SourceTopic[]> {
  const probe = new RosbridgeSource({ url, colorTopic: '', infoTopic: '', maxReconnects: 1 })
  try {
    return liveTopicRows(await probe.start({ subscribe: false }))
  } catch (error) {
    throw new UserError(describeCause(error))
  } finally {
    await probe.close()
  }
}

/**
 * Opens the recording's chosen topics behind a player (not started yet) and the recording's TF tree.
 * @throws SourceError for a missing topic or a bad file.
 */
export async function openRecordingPlayer(
  path: string,
  choice: SourceTopicChoice,
  onState: RecordingPlayerOptions['onState'],
): Promise<{ player: RecordingPlayer; tf: TfTree }> {
  const source = await McapFrameSource.open(path, {
    colorTopic: choice.colorTopic,
    depthTopic: choice.depthTopic,
    cameraInfoTopic: choice.cameraInfoTopic,
  })
  return { tf: source.tf, player: new RecordingPlayer(source, { onState }) }
}

/**
 * A rosbridge source (not started yet) for the chosen camera topics plus the graph's TF topics, and the
 * empty TF tree those fill (one minute of history).
 * @throws UserError when the camera info topic is not chosen.
 */
export function createLiveSource(
  url: string,
  choice: SourceTopicChoice,
  topicRows: SourceTopic[],
): { live: RosbridgeSource; tf: TfTree } {
  if (!choice.cameraInfoTopic)
    throw new UserError(
      'choose the camera info topic (sensor_msgs/CameraInfo) of the colour camera',
    )
  const tfTopics = topicRows
    .filter((t) => t.role === 'tf')
    .map((t) => ({ name: t.name, type: t.type }))
  const tf = new TfTree({ cacheDurationNs: 60_000_000_000n })
  const live = new RosbridgeSource({
    url,
    colorTopic: choice.colorTopic,
    depthTopic: choice.depthTopic,
    infoTopic: choice.cameraInfoTopic,
    extraTopics: tfTopics,
  })
  return { live, tf }
}
