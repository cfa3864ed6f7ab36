/**
 * A colour message (+ depth message or point cloud) and the current calibration → one RobotFrame (engine Frame,
 * depth in metres). Image decoding happens here, only for messages that made a pair.
 */
import type { DepthImage, DepthSource, Frame, Intrinsics, RgbImage } from '../../engine/types'
import type { FrameTopics, RobotFrame } from '../robot/frameSource'
import { intrinsicsForImage, type CameraCalibration } from '../robot/cameraInfo'
import { decodeFramePart } from '../robot/frameParts'
import { organizedCloudToImages, type PointCloudColumns } from '../robot/pointCloud2'

/** A decoded (not yet image-decoded) camera message. */
export interface CameraMessage {
  message: Record<string, unknown>
  schemaName: string
  topic: string
  frameId: string
  logTimeNs: bigint
  /** Stamp of the message (header), ns. */
  timeNs?: bigint
}

/**
 * Builds the frame.
 * @throws Error (one line, naming the topic) when a part does not decode, sizes disagree, or no intrinsics exist.
 */
export async function assembleFrame(
  color: CameraMessage & { timeNs?: bigint },
  depth: CameraMessage | undefined,
  calibration: CameraCalibration | undefined,
  fileName: string,
  topics: FrameTopics,
): Promise<Omit<RobotFrame, 'transforms'>> {
  const stamp = stampOf(color)
  const warnings: string[] = []
  const colorPart = await decodeFramePart(
    color.schemaName,
    color.message,
    `${color.topic} @ ${seconds(stamp)}`,
  )
  const base = {
    cameraId: topics.colorTopic,
    timestampNs: stamp,
    sourceDescription: `${fileName} ${color.topic} @ ${seconds(stamp)}`,
  }
  const calibrated = calibrator(color, calibration, topics, warnings)
  if (colorPart.kind === 'cloud') {
    const given = calibration
      ? calibrated(colorPart.cloud.width, colorPart.cloud.height)
      : undefined
    const frame = cloudFrame(base, colorPart.cloud, given, color.topic, warnings)
    return { frame, cameraFrameId: color.frameId, warnings }
  }
  if (colorPart.kind !== 'color')
    throw new Error(`${color.topic}: is not a colour image topic (it holds ${colorPart.kind})`)
  const rgb = colorPart.rgb
  const intrinsics = calibrated(rgb.width, rgb.height)
  if (!depth) {
    return {
      frame: { ...base, rgb, intrinsics, depthSource: 'monocular' },
      cameraFrameId: color.frameId,
      warnings,
    }
  }
  const registered = await registeredDepth(depth, color.topic, rgb, intrinsics)
  const frame: Frame = {
    ...base,
    rgb,
    depth: registered.depth,
    intrinsics,
    depthSource: registered.depthSource,
    depthScale: registered.depthScale,
  }
  return { frame, cameraFrameId: color.frameId, warnings }
}

/**
 * Intrinsics for an image of the colour topic from the recording's calibration (scaled to the image size; its
 * warnings go to `warnings`). The function throws when the recording has no calibration for the frame.
 */
function calibrator(
  color: CameraMessage,
  calibration: CameraCalibration | undefined,
  topics: FrameTopics,
  warnings: string[],
): (width: number, height: number) => Intrinsics {
  return (width, height) => {
    if (!calibration) {
      throw new Error(
        `${color.topic}: no camera calibration (CameraInfo / CameraCalibration topic) for the frame at ${seconds(stampOf(color))}; name one with --camera-info-topic`,
      )
    }
    const result = intrinsicsForImage(
      calibration,
      width,
      height,
      topics.cameraInfoTopic ?? 'calibration',
    )
    warnings.push(...result.warnings)
    return result.intrinsics
  }
}

/** A frame from an organized point cloud on the colour topic: its colours, its z as depth, the given or fitted intrinsics. */
function cloudFrame(
  base: Pick<Frame, 'cameraId' | 'timestampNs' | 'sourceDescription'>,
  cloud: PointCloudColumns,
  given: Intrinsics | undefined,
  colorTopic: string,
  warnings: string[],
): Frame {
  const images = organizedCloudToImages(cloud, given)
  if (images.fitted)
    warnings.push(
      `${colorTopic}: intrinsics fitted to the organized point cloud (no matching CameraInfo)`,
    )
  return {
    ...base,
    rgb: images.rgb,
    depth: images.depth,
    intrinsics: images.intrinsics,
    depthSource: 'pointcloud',
  }
}

/**
 * The depth message as a depth image (metres) of the colour image's size: a depth image as it is, an organized
 * cloud projected with the colour intrinsics.
 * @throws Error when the message holds no depth or its size differs from the colour image's.
 */
async function registeredDepth(
  depth: CameraMessage,
  colorTopic: string,
  rgb: RgbImage,
  intrinsics: Intrinsics,
): Promise<{ depth: DepthImage; depthSource: DepthSource; depthScale: number | undefined }> {
  const depthPart = await decodeFramePart(
    depth.schemaName,
    depth.message,
    `${depth.topic} @ ${seconds(stampOf(depth))}`,
  )
  let depthImage
  let depthScale: number | undefined
  if (depthPart.kind === 'depth') {
    depthImage = depthPart.depth
    depthScale = depthPart.depthScale
  } else if (depthPart.kind === 'cloud') {
    depthImage = organizedCloudToImages(depthPart.cloud, intrinsics).depth
  } else {
    throw new Error(`${depth.topic}: is not a depth topic (it holds ${depthPart.kind})`)
  }
  if (depthImage.width !== rgb.width || depthImage.height !== rgb.height) {
    throw new Error(
      `${depth.topic} is ${depthImage.width}×${depthImage.height} but ${colorTopic} is ${rgb.width}×${rgb.height}: use a depth topic registered to the colour camera (e.g. aligned_depth_to_color)`,
    )
  }
  const depthSource = depthPart.kind === 'cloud' ? 'pointcloud' : 'sensor'
  return { depth: depthImage, depthSource, depthScale }
}

function stampOf(m: CameraMessage): bigint {
  return m.timeNs ?? m.logTimeNs
}

function seconds(ns: bigint): string {
  return `${(Number(ns) / 1e9).toFixed(3)} s`
}
