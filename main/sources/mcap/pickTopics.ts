/**
 * Frame topics of a recording from flags, or picked automatically when the file leaves no doubt: exactly one
 * colour image topic and at most one depth topic (an image topic whose name says "depth").
 */
import type { FrameTopics, TopicInfo } from '../robot/frameSource'
import { schemaKind } from '../robot/schemaKinds'
import { describeTopics } from './topicChoice'

export interface PickedTopics {
  topics: FrameTopics
  /** One line naming what was picked automatically ("" when the flags named the colour topic). */
  note: string
}

const isImage = (t: TopicInfo) => ['image', 'compressedImage'].includes(schemaKind(t.schemaName))
const isDepthName = (t: TopicInfo) => /depth/i.test(t.topic)

/**
 * The topics to read: the given ones, else the file's only colour topic (+ its only depth topic).
 * @returns an Error message instead when the choice is ambiguous (the message lists the image topics).
 */
export function pickFrameTopics(
  list: TopicInfo[],
  given: Partial<FrameTopics>,
  fileName: string,
): PickedTopics | { error: string } {
  if (given.colorTopic)
    return {
      topics: {
        colorTopic: given.colorTopic,
        depthTopic: given.depthTopic,
        cameraInfoTopic: given.cameraInfoTopic,
      },
      note: '',
    }
  const images = list.filter(isImage)
  const colors = images.filter((t) => !isDepthName(t))
  const depths = images.filter(isDepthName)
  if (colors.length !== 1 || depths.length > 1 || (given.depthTopic && depths.length === 0)) {
    const what =
      images.length === 0
        ? `no image topics (all topics: ${describeTopics(list)})`
        : `these image topics: ${describeTopics(images)}`
    return { error: `choose --color-topic (and --depth-topic); ${fileName} has ${what}` }
  }
  const depthTopic = given.depthTopic ?? depths[0]?.topic
  return {
    topics: { colorTopic: colors[0].topic, depthTopic, cameraInfoTopic: given.cameraInfoTopic },
    note: `${fileName}: using colour topic ${colors[0].topic}${depthTopic ? ` and depth topic ${depthTopic}` : ' (no depth topic)'}`,
  }
}
