import type { DepthImage, Frame } from '../types'
import type { CalibrationMethod, DepthProvenance } from './types'

export interface MonocularFrame {
  /** The input frame with the predicted depth, `depthSource: 'monocular'`. Shares the rgb buffer. */
  frame: Frame
  /** Which model and calibration made the depth (also summarised in `frame.sourceDescription`). */
  provenance: DepthProvenance
}

export interface MonocularFrameOptions {
  /** Replace depth the frame already has (sensor or point cloud). Default false: that is an error. */
  replaceExisting?: boolean
}

const METHOD_WORDS: Record<CalibrationMethod, string> = {
  'rgbd-frame': 'an RGB-D frame',
  'known-distance': 'a known distance',
  'known-size': 'a known object size',
}

const round = (value: number, digits: number) => Number(value.toPrecision(digits))

/**
 * One line for answers and logs, e.g. "monocular depth from depth-anything-v2-small (relative
 * inverse depth) calibrated from an RGB-D frame: scale 0.002, shift 0.1 /m, residual 1.8 cm RMS
 * (1.2 % median) over 48213 px".
 */
export function describeDepthProvenance(provenance: DepthProvenance): string {
  const kind = provenance.output === 'metric' ? 'metric' : 'relative inverse depth'
  const head = `monocular depth from ${provenance.modelId} (${kind})`
  const calibration = provenance.calibration
  if (!calibration) return `${head}, uncalibrated`
  const shiftUnit = calibration.space === 'depth' ? 'm' : '/m'
  const residual = Number.isFinite(calibration.residualRmsM)
    ? `, residual ${round(calibration.residualRmsM * 100, 2)} cm RMS (${round(calibration.residualRel * 100, 2)} % median)`
    : ''
  const when = provenance.calibratedAt ? ` on ${provenance.calibratedAt}` : ''
  return (
    `${head} calibrated from ${METHOD_WORDS[calibration.method]}${when}: scale ${round(calibration.scale, 4)}, ` +
    `shift ${round(calibration.shift, 4)} ${shiftUnit}${residual} over ${calibration.pointCount} px`
  )
}

/**
 * A colour-only frame plus a predicted depth image (metres, the frame's resolution) → a frame the
 * scene pipeline takes, with `depthSource: 'monocular'` and the provenance summarised in
 * `sourceDescription`. Throws RangeError for a size mismatch, relative depth without a
 * calibration, or a frame that already has depth (unless `replaceExisting`).
 */
export function monocularFrame(
  frame: Frame,
  depth: DepthImage,
  provenance: DepthProvenance,
  options: MonocularFrameOptions = {},
): MonocularFrame {
  if (frame.depth && !options.replaceExisting) {
    throw new RangeError(
      `frame from ${frame.cameraId} already has ${frame.depthSource} depth; a model prediction would replace measured depth`,
    )
  }
  if (depth.width !== frame.rgb.width || depth.height !== frame.rgb.height) {
    throw new RangeError(
      `predicted depth is ${depth.width}×${depth.height} but the colour image is ${frame.rgb.width}×${frame.rgb.height}`,
    )
  }
  if (depth.data.length !== depth.width * depth.height) {
    throw new RangeError(
      `predicted depth has ${depth.data.length} values, expected ${depth.width * depth.height}`,
    )
  }
  if (provenance.output === 'relative-inverse' && !provenance.calibration) {
    throw new RangeError(
      `depth from ${provenance.modelId} is relative; it is not metric without a calibration`,
    )
  }
  const summary = describeDepthProvenance(provenance)
  return {
    frame: {
      ...frame,
      depth,
      depthSource: 'monocular',
      depthProvenance: provenance,
      sourceDescription: frame.sourceDescription
        ? `${frame.sourceDescription}; ${summary}`
        : summary,
    },
    provenance,
  }
}
