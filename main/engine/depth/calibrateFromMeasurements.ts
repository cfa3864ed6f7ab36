import type { DepthImage, Intrinsics } from '../types'
import { median } from '../geometry/stats'
import type { CalibrationSpace, DepthCalibration } from './types'
import { CalibrationInputError } from './calibrationError'

/**
 * Scale calibration from things the user knows: a distance between two clicked pixels, or the size
 * of an object in a region. One measurement fixes one unknown, so these fit a scale with zero
 * shift: `z = k · z0`, where z0 is the model's depth up to scale (the output itself for metric
 * models, 1 / output for relative inverse depth, i.e. a zero inverse-depth shift is assumed).
 */

/** Two pixels (u, v; 0-based, pixel centres) and the true distance between their 3D points, metres. */
export interface KnownDistance {
  a: [number, number]
  b: [number, number]
  distanceM: number
}

export interface MeasurementInput {
  /** The model's output at the image's resolution, model units (0 = invalid). */
  model: DepthImage
  space: CalibrationSpace
  intrinsics: Intrinsics
  /** Half-size of the window whose median depth a clicked pixel takes; default 2 (5×5). */
  windowRadius?: number
}

/** Depth up to scale from a model value: the value (depth space) or its inverse. */
function unitDepth(value: number, space: CalibrationSpace): number {
  return space === 'depth' ? value : 1 / value
}

/** Median model value of the valid pixels in a square window; throws when there are none. */
function windowMedian(
  model: DepthImage,
  u: number,
  v: number,
  radius: number,
): { value: number; count: number } {
  const cu = Math.round(u)
  const cv = Math.round(v)
  if (cu < 0 || cv < 0 || cu >= model.width || cv >= model.height) {
    throw new CalibrationInputError(
      `pixel (${u}, ${v}) is outside the ${model.width}×${model.height} image`,
    )
  }
  const values: number[] = []
  for (let y = Math.max(0, cv - radius); y <= Math.min(model.height - 1, cv + radius); y++) {
    for (let x = Math.max(0, cu - radius); x <= Math.min(model.width - 1, cu + radius); x++) {
      const m = model.data[y * model.width + x]
      if (m > 0 && m < Infinity) values.push(m)
    }
  }
  if (values.length === 0) {
    throw new CalibrationInputError(
      `the model has no depth around pixel (${u}, ${v}); click a point on a surface`,
    )
  }
  return { value: median(values), count: values.length }
}

/** Scale-only result from measured (unit-depth) and known lengths: least squares for k. */
function scaleResult(
  space: CalibrationSpace,
  measured: number[],
  known: number[],
  method: DepthCalibration['method'],
  pointCount: number,
): DepthCalibration {
  let numerator = 0
  let denominator = 0
  measured.forEach((m, i) => {
    numerator += m * known[i]
    denominator += m * m
  })
  const k = numerator / denominator
  if (!(k > 0 && k < Infinity)) {
    throw new CalibrationInputError('the measured points coincide in 3D; pick points farther apart')
  }
  const errors = measured.map((m, i) => k * m - known[i])
  return {
    space,
    scale: space === 'depth' ? k : 1 / k,
    shift: 0,
    method,
    residualRmsM: Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length),
    residualRel: median(errors.map((e, i) => Math.abs(e) / known[i])),
    pointCount,
    inlierCount: pointCount,
  }
}

/**
 * Calibrates the scale from one or more known distances between clicked pixels: each pixel's depth
 * is the median of the model in a small window, back-projected with the intrinsics; the scale is
 * the least-squares ratio of known to measured distances. Residual: RMS of the distance errors.
 */
export function calibrateFromKnownDistance(
  input: MeasurementInput,
  distances: KnownDistance[],
): DepthCalibration {
  if (distances.length === 0) throw new CalibrationInputError('give at least one known distance')
  const { model, space, intrinsics } = input
  const radius = input.windowRadius ?? 2
  const measured: number[] = []
  let pointCount = 0
  const pointAt = ([u, v]: [number, number]) => {
    const sample = windowMedian(model, u, v, radius)
    pointCount += sample.count
    const z = unitDepth(sample.value, space)
    return [((u - intrinsics.cx) / intrinsics.fx) * z, ((v - intrinsics.cy) / intrinsics.fy) * z, z]
  }
  for (const distance of distances) {
    if (!(distance.distanceM > 0 && distance.distanceM < Infinity)) {
      throw new CalibrationInputError(
        `a known distance must be a positive number of metres (got ${distance.distanceM})`,
      )
    }
    const a = pointAt(distance.a)
    const b = pointAt(distance.b)
    measured.push(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]))
  }
  return scaleResult(
    space,
    measured,
    distances.map((d) => d.distanceM),
    'known-distance',
    pointCount,
  )
}

/** A region holding the object: a box [x0, y0, x1, y1) or a mask of the image's size. */
export type SizeRegion =
  | { box: [number, number, number, number] }
  | { mask: Uint8Array; maskWidth: number; maskHeight: number }

export interface KnownSize {
  region: SizeRegion
  /** The object's true extent along the axis, metres. */
  sizeM: number
  /** 'width': along image rows (camera x); 'height': along image columns (camera y). */
  axis: 'width' | 'height'
}

/** The region's pixel extent along the axis and the pixels whose depth is sampled. */
function regionExtent(
  model: DepthImage,
  known: KnownSize,
): { extentPx: number; samples: number[] } {
  const { width, height } = model
  const samples: number[] = []
  const take = (x: number, y: number) => {
    const m = model.data[y * width + x]
    if (m > 0 && m < Infinity) samples.push(m)
  }
  if ('box' in known.region) {
    const [x0, y0, x1, y1] = known.region.box.map(Math.round)
    if (!(x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height && x1 > x0 && y1 > y0)) {
      throw new CalibrationInputError(
        `box [${known.region.box}] is empty or outside the ${width}×${height} image`,
      )
    }
    // The inner half of a box: its border pixels are often background.
    const qx = Math.floor((x1 - x0) / 4)
    const qy = Math.floor((y1 - y0) / 4)
    for (let y = y0 + qy; y < y1 - qy; y++) for (let x = x0 + qx; x < x1 - qx; x++) take(x, y)
    return { extentPx: known.axis === 'width' ? x1 - x0 : y1 - y0, samples }
  }
  const { mask, maskWidth, maskHeight } = known.region
  if (maskWidth !== width || maskHeight !== height || mask.length !== width * height) {
    throw new CalibrationInputError(
      `the mask is ${maskWidth}×${maskHeight} but the image is ${width}×${height}`,
    )
  }
  let low = Infinity
  let high = -Infinity
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue
      const position = known.axis === 'width' ? x : y
      low = Math.min(low, position)
      high = Math.max(high, position)
      take(x, y)
    }
  }
  return { extentPx: high - low + 1, samples }
}

/**
 * Calibrates the scale from an object of known size: its pixel extent along the axis at the
 * median model depth of the region (a fronto-parallel approximation: the extent is measured at
 * one depth), `size = extentPx · z / f`. Residual: 0 (one measurement fixes the scale).
 */
export function calibrateFromKnownSize(
  input: MeasurementInput,
  known: KnownSize,
): DepthCalibration {
  if (!(known.sizeM > 0 && known.sizeM < Infinity)) {
    throw new CalibrationInputError(
      `a known size must be a positive number of metres (got ${known.sizeM})`,
    )
  }
  const { extentPx, samples } = regionExtent(input.model, known)
  if (samples.length === 0) {
    throw new CalibrationInputError(
      'the model has no depth inside the region; draw it on the object',
    )
  }
  const focal = known.axis === 'width' ? input.intrinsics.fx : input.intrinsics.fy
  const measured = (extentPx * unitDepth(median(samples), input.space)) / focal
  return scaleResult(input.space, [measured], [known.sizeM], 'known-size', samples.length)
}
