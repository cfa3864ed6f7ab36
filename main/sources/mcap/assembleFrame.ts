/**
 * A colour message (+ depth message or point cloud) and the current calibration → one RobotFrame (engine Frame,
 * depth in metres). Image decoding happens here, only for messages that made a pair.
 */
import type { Frame, Intrinsics } from '../../engine/types'
import type { FrameTopics, RobotFrame } from '../robot/frameSource'
import { intrinsicsForImage, type CameraCalibration } from '../robot/cameraInfo'
import { decodeFramePart } from '../robot/frameParts'
import { organizedCloudToImages } from '../robot/pointCloud2'

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
  const calibrated = (width: number, height: number): Intrinsics => {
    if (!calibration) {
      throw new Error(
        `${color.topic}: no camera calibration (CameraInfo / CameraCalibration topic) for the frame at ${seconds(stamp)}; name one with --camera-info-topic`,
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
  if (colorPart.kind === 'cloud') {
    const given = calibration
      ? calibrated(colorPart.cloud.width, colorPart.cloud.height)
      : undefined
    const images = organizedCloudToImages(colorPart.cloud, given)
    if (images.fitted)
      warnings.push(
        `${color.topic}: intrinsics fitted to the organized point cloud (no matching CameraInfo)`,
      )
    const frame: Frame = {
      ...base,
      rgb: images.rgb,
      depth: images.depth,
      intrinsics: images.intrinsics,
      depthSource: 'pointcloud',
    }
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
      `${depth.topic} is ${depthImage.width}×${depthImage.height} but ${color.topic} is ${rgb.width}×${rgb.height}: use a depth topic registered to the colour camera (e.g. aligned_depth_to_color)`,
    )
  }
  const frame: Frame = {
    ...base,
    rgb,
    depth: depthImage,
    intrinsics,
    depthSource: depthPart.kind === 'cloud' ? 'pointcloud' : 'sensor',
    depthScale,
  }
  return { frame, cameraFrameId: color.frameId, warnings }
}

function stampOf(m: CameraMessage): bigint {
  return m.timeNs ?? m.logTimeNs
}

function seconds(ns: bigint): string {
  return `${(Number(ns) / 1e9).toFixed(3)} s`
}
