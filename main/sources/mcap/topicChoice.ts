/** Choosing and naming topics of a recording. */
import type { FrameTopics, TopicInfo } from '../robot/frameSource'
import { schemaKind } from '../robot/schemaKinds'
import { SourceError } from '../SourceError'

/** The calibration topic for a colour topic: same namespace preferred (/camera/color/image_raw → /camera/color/camera_info). */
export function findCameraInfoTopic(topics: TopicInfo[], colorTopic: string): string | undefined {
  const candidates = topics.filter((t) => schemaKind(t.schemaName) === 'cameraInfo')
  const shared = (t: TopicInfo) => {
    let i = 0
    while (i < t.topic.length && t.topic[i] === colorTopic[i]) i++
    return colorTopic.slice(0, i).lastIndexOf('/')
  }
  return candidates.sort((a, b) => shared(b) - shared(a) || a.topic.localeCompare(b.topic))[0]
    ?.topic
}

/** "topic (type, N msgs)" list, camera-ish topics first. */
export function describeTopics(list: TopicInfo[]): string {
  if (list.length === 0) return 'none'
  return list.map((t) => `${t.topic} (${t.schemaName}, ${t.messageCount ?? '?'} msgs)`).join(', ')
}

/**
 * Checks that the chosen colour, depth and camera info topics (those given) are in the recording.
 * @throws SourceError naming the first missing one, with the recording's topics.
 */
export function checkTopicsExist(
  list: TopicInfo[],
  topics: FrameTopics,
  fileName: string,
  path: string,
): void {
  const check = (topic: string | undefined, role: string) => {
    if (topic !== undefined && !list.some((t) => t.topic === topic)) {
      throw new SourceError(
        `${fileName} has no ${role} topic "${topic}"; its topics: ${describeTopics(list)}`,
        { file: path },
      )
    }
  }
  check(topics.colorTopic, 'colour')
  check(topics.depthTopic, 'depth')
  check(topics.cameraInfoTopic, 'camera info')
}
