import type { SourceTopic, SourceTopicChoice } from '../../contract/sourceSchema'
import type { TopicInfo as RecordingTopic } from '../../sources/robot/frameSource'
import type { TopicInfo as LiveTopic } from '../../live/FrameSource'
import { schemaKind } from '../../sources/robot/schemaKinds'
import { findCameraInfoTopic } from '../../sources/mcap/topicChoice'

/** What a topic looks like it carries: from its type, and "depth" in an image topic's name. */
export function topicRole(name: string, type: string): SourceTopic['role'] {
  const kind = schemaKind(type)
  if (kind === 'image' || kind === 'compressedImage') return /depth/i.test(name) ? 'depth' : 'color'
  if (kind === 'pointCloud2') return 'depth'
  if (kind === 'cameraInfo') return 'cameraInfo'
  if (kind === 'tf') return 'tf'
  return 'other'
}

/** A recording's topics for the picker (count and mean rate from the file's statistics). */
export function recordingTopicRows(list: RecordingTopic[]): SourceTopic[] {
  return list.map((t) => ({
    name: t.topic,
    type: t.schemaName,
    ...(t.messageCount !== undefined ? { messageCount: t.messageCount } : {}),
    ...(t.rateHz !== undefined && Number.isFinite(t.rateHz) ? { rateHz: t.rateHz } : {}),
    role: topicRole(t.topic, t.schemaName),
  }))
}

/** A live graph's topics (rosapi gives names and types only). */
export function liveTopicRows(list: LiveTopic[]): SourceTopic[] {
  return list.map((t) => ({ name: t.name, type: t.type, role: topicRole(t.name, t.type) }))
}

/**
 * The picker's first guess: the busiest colour and depth image topics, and the camera info next to
 * the colour topic (/camera/color/image_raw → /camera/color/camera_info). The user may change each.
 */
export function guessTopics(rows: SourceTopic[]): Partial<SourceTopicChoice> {
  const busiest = (role: SourceTopic['role']) =>
    rows
      .filter((r) => r.role === role)
      .sort(
        (a, b) => (b.messageCount ?? 0) - (a.messageCount ?? 0) || a.name.localeCompare(b.name),
      )[0]?.name
  const colorTopic = busiest('color')
  const depthTopic = busiest('depth')
  const cameraInfoTopic = colorTopic
    ? findCameraInfoTopic(
        rows.map((r) => ({
          topic: r.name,
          schemaName: r.type,
          schemaEncoding: '',
          messageEncoding: '',
        })),
        colorTopic,
      )
    : undefined
  return {
    ...(colorTopic ? { colorTopic } : {}),
    ...(depthTopic ? { depthTopic } : {}),
    ...(cameraInfoTopic ? { cameraInfoTopic } : {}),
  }
}
