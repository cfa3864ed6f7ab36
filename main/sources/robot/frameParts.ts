/**
 * One decoded camera message → the part of a frame it gives (colour, depth, calibration), with its stamp and
 * frame id. Image decoding (sharp, PNG, RVL) happens here, once a message is known to be used.
 */
import type { DepthImage, RgbImage } from '../../engine/types'
import { calibrationFromMessage, type CameraCalibration } from './cameraInfo'
import {
  decodeCompressedColor,
  decodeCompressedDepth,
  isCompressedDepthFormat,
} from './compressedImage'
import { bytesOf, stampNs } from './messageDecoder'
import { decodePointCloud2, type PointCloudColumns } from './pointCloud2'
import { isDepthEncoding, rawToDepth, rawToRgb } from './rawImage'
import { schemaKind } from './schemaKinds'

/** Stamp (header.stamp or Foxglove `timestamp`, ns) and TF frame id of a message; logTimeNs when it has none. */
export function messageStamp(
  message: Record<string, unknown>,
  logTimeNs: bigint,
): { timeNs: bigint; frameId: string } {
  const header = message.header as { stamp?: unknown; frame_id?: string } | undefined
  const timeNs = stampNs(header?.stamp ?? message.timestamp)
  return {
    timeNs: timeNs !== undefined && timeNs > 0n ? timeNs : logTimeNs,
    frameId: String(header?.frame_id ?? message.frame_id ?? ''),
  }
}

export type FramePart =
  | { kind: 'color'; rgb: RgbImage }
  | { kind: 'depth'; depth: DepthImage; depthScale?: number }
  | { kind: 'cloud'; cloud: PointCloudColumns }
  | { kind: 'calibration'; calibration: CameraCalibration }

/**
 * Decodes the image/calibration payload of a message of schema `schemaName`.
 * @throws Error (one line) for unsupported encodings or corrupt data.
 */
export async function decodeFramePart(
  schemaName: string,
  message: Record<string, unknown>,
  name: string,
): Promise<FramePart> {
  switch (schemaKind(schemaName)) {
    case 'image': {
      const encoding = String(message.encoding)
      const fields = {
        width: Number(message.width),
        height: Number(message.height),
        encoding,
        step: Number(message.step),
        isBigEndian: Boolean(message.is_bigendian),
        data: bytesOf(message.data, name),
      }
      if (isDepthEncoding(encoding)) {
        return {
          kind: 'depth',
          depth: rawToDepth(fields),
          depthScale: encoding === '32FC1' ? undefined : 1000,
        }
      }
      return { kind: 'color', rgb: rawToRgb(fields) }
    }
    case 'compressedImage': {
      const format = String(message.format ?? '')
      const data = bytesOf(message.data, name)
      if (isCompressedDepthFormat(format)) {
        return {
          kind: 'depth',
          depth: decodeCompressedDepth(format, data),
          depthScale: format.startsWith('16UC1') ? 1000 : undefined,
        }
      }
      return { kind: 'color', rgb: await decodeCompressedColor(data, name) }
    }
    case 'cameraInfo':
      return { kind: 'calibration', calibration: calibrationFromMessage(message) }
    case 'pointCloud2':
      return { kind: 'cloud', cloud: decodePointCloud2(message) }
    default:
      throw new Error(
        `${name}: schema ${schemaName} is not an image, depth, point cloud or camera calibration`,
      )
  }
}
