/**
 * sensor_msgs/CameraInfo (ROS 1 and 2) and foxglove.CameraCalibration → engine intrinsics.
 *
 * K is row-major [fx 0 cx; 0 fy cy; 0 0 1] (ROS 2 field `k`, ROS 1 `K`, Foxglove `K`). Distortion is not undone:
 * the engine assumes a pinhole, so a non-zero distortion or an unknown model produces a warning. When the
 * calibration's size differs from the image, intrinsics are scaled to the image if the aspect ratio matches (a
 * resized stream) and the warning says so; with a different aspect ratio each axis is scaled on its own and the
 * warning says the calibration probably belongs to another stream (metric answers are then not trustworthy).
 */
import type { Intrinsics } from '../../engine/types'
import { intrinsicsRangeProblem } from '../../contract/intrinsicsRules'

/** Calibration as read from a message, before matching it to an image. */
export interface CameraCalibration {
  width: number
  height: number
  fx: number
  fy: number
  cx: number
  cy: number
  distortionModel: string
  distortion: number[]
  frameId: string
}

/**
 * Reads CameraInfo / CameraCalibration fields.
 * @throws Error when K is missing, not 9 numbers, or has fx/fy ≤ 0.
 */
export function calibrationFromMessage(message: Record<string, unknown>): CameraCalibration {
  const k = (message.k ?? message.K) as ArrayLike<number> | undefined
  if (!k || k.length !== 9) throw new Error('camera calibration has no 9-element K matrix')
  const fx = Number(k[0])
  const fy = Number(k[4])
  if (!(fx > 0 && fy > 0)) {
    throw new Error(
      `camera calibration K has fx=${fx}, fy=${fy}; both must be > 0 (an uncalibrated camera?)`,
    )
  }
  const header = message.header as { frame_id?: string } | undefined
  const d = (message.d ?? message.D ?? []) as ArrayLike<number>
  return {
    width: Number(message.width),
    height: Number(message.height),
    fx,
    fy,
    cx: Number(k[2]),
    cy: Number(k[5]),
    distortionModel: String(message.distortion_model ?? ''),
    distortion: Array.from(d, Number),
    frameId: String(header?.frame_id ?? message.frame_id ?? ''),
  }
}

const KNOWN_MODELS = ['', 'plumb_bob', 'rational_polynomial', 'equidistant', 'kannala_brandt']

/**
 * Intrinsics for an image of `width`×`height` from a calibration, with warnings.
 */
export function intrinsicsForImage(
  calibration: CameraCalibration,
  width: number,
  height: number,
  topic: string,
): { intrinsics: Intrinsics; warnings: string[] } {
  const warnings: string[] = []
  const c = calibration
  if (!KNOWN_MODELS.includes(c.distortionModel)) {
    warnings.push(
      `${topic}: unknown distortion model "${c.distortionModel}"; treated as an undistorted pinhole`,
    )
  } else if (c.distortion.some((v) => Math.abs(v) > 1e-9)) {
    warnings.push(
      `${topic}: image is not rectified (distortion ${c.distortionModel} ≠ 0); measurements near the edges are less accurate`,
    )
  }
  if (c.width === 0 || c.height === 0 || (c.width === width && c.height === height)) {
    const intrinsics = { width, height, fx: c.fx, fy: c.fy, cx: c.cx, cy: c.cy }
    return { intrinsics: checkedIntrinsics(intrinsics, topic), warnings }
  }
  const sx = width / c.width
  const sy = height / c.height
  const mismatch = `${topic}: calibration is for ${c.width}×${c.height} but the image is ${width}×${height}`
  if (Math.abs(sx - sy) / Math.max(sx, sy) > 0.01) {
    warnings.push(
      `${mismatch}, a different aspect ratio: it probably belongs to another stream; K was scaled per axis (x ${sx.toFixed(4)}, y ${sy.toFixed(4)}) but distances are not trustworthy — give the matching CameraInfo topic or an intrinsics file`,
    )
  } else {
    warnings.push(
      `${mismatch}; intrinsics scaled by ${sx.toFixed(4)} (check that the stream was only resized)`,
    )
  }
  const intrinsics = {
    width,
    height,
    fx: c.fx * sx,
    fy: c.fy * sy,
    cx: (c.cx + 0.5) * sx - 0.5,
    cy: (c.cy + 0.5) * sy - 0.5,
  }
  return { intrinsics: checkedIntrinsics(intrinsics, topic), warnings }
}

/**
 * The same range rules as the contract and intrinsics.json (contract/intrinsicsRules): a recording's CameraInfo is
 * input too, and cx = 1e308 or fx = 1e-12 would otherwise reach the engine.
 * @throws Error naming the topic and the field.
 */
function checkedIntrinsics(intrinsics: Intrinsics, topic: string): Intrinsics {
  const values = [intrinsics.fx, intrinsics.fy, intrinsics.cx, intrinsics.cy]
  const problem = values.every(Number.isFinite)
    ? intrinsicsRangeProblem(intrinsics)
    : {
        message: `K has a value that is not a finite number (fx, fy, cx, cy = ${values.join(', ')})`,
      }
  if (problem) throw new Error(`${topic}: camera calibration unusable: ${problem.message}`)
  return intrinsics
}
