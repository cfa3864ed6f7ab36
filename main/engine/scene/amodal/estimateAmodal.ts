/**
 * Full-object (amodal) box of one object from its visible points, its visible box and the depth image: shape fits
 * (a cylinder from its visible arc, a box's extents from its visible faces), symmetry about the vertical axis for
 * an extent nothing measured, and free-space carving for how far the hidden sides may reach. World frame, metres.
 * Pure TypeScript.
 */

import type { AmodalBox, IntervalM, ObjectBox } from '../../types'
import { quantile } from '../../geometry/stats'
import { axisBoxOfPoints, toAxisBox, toObjectBox, type AxisBox } from './axisBox'
import { sideShareAt, wrapQuarter, yawFromFaces } from './faceYaw'
import { selectInPlace } from './selectMedian'
import type { DepthProbe } from './depthProbe'
import { freeSpaceGrowth, type Growth } from './freeSpaceGrowth'
import {
  cylinderEvidence,
  wallPoints,
  type CylinderEvidence,
  type WallPoints,
} from './shapeEvidence'
import { completeBoxFootprint } from './boxFootprint'

export interface AmodalInput {
  /** The object's points, world frame, xyz interleaved. */
  pointsInWorld: Float32Array
  /** Its visible box (fitBox). */
  visible: ObjectBox
  probe: DepthProbe
  /** 4×4 column-major; its translation is the camera position in the world. */
  worldFromCamera: Float64Array
  /** Depth noise σ/z. */
  relativeNoise: number
  /** 1σ noise of the object's top, metres (free-space samples stay this far below it, ×2). */
  topNoiseM: number
  /** Whether a pixel (row-major index) belongs to this object. */
  isOwnPixel: (pixel: number) => boolean
  /** Angle one pixel subtends, radians (1 / fx). */
  pixelAngleRad: number
  /** Whether the world frame stands on a real support plane (z = 0), which the bottom may reach but never pass. */
  hasSupportPlane: boolean
}

/** Free-space samples stay at least this far below the top, metres. */
const MIN_TOP_MARGIN_M = 0.003
/** Smallest inlier band of the circle fit, metres. */
const MIN_BAND_M = 0.004

/**
 * Estimates the full box. The result keeps the visible box's yaw (width ↔ width); each extent gets an interval
 * [visible extent, largest extent the free space allows], and the estimate inside it comes from the cylinder fit,
 * the visible faces, or symmetry (a square footprint), in that order. Returns null without enough points.
 */
export function estimateAmodal(input: AmodalInput): AmodalBox | null {
  const { visible, pointsInWorld } = input
  if (pointsInWorld.length < 90 || !(visible.sizeM.height > 0)) return null
  const m = input.worldFromCamera
  const range = typicalRange(pointsInWorld, m)
  const bandM = Math.max(MIN_BAND_M, 2.5 * input.relativeNoise * range)
  const { box, wall, cylinder, notes } = shapeOf(input, bandM)
  const low = {
    u: box.uRange[1] - box.uRange[0],
    v: box.vRange[1] - box.vRange[0],
    z: box.zRange[1] - box.zRange[0],
  }
  if (!(Math.max(low.u, low.v) > 0)) return null
  const widest = Math.max(low.u, low.v, low.z)
  // A hidden side may reach at most double the visible extent, or 1.5 × the object's widest visible extent.
  const caps = { u: capGrowth(low.u, widest), v: capGrowth(low.v, widest) }
  // The top as the points show it (a high quantile, less one noise σ), and the side samples a margin below it.
  const topZ = Math.max(box.zRange[1], highQuantileZ(pointsInWorld) - input.topNoiseM)
  const topMarginM = Math.max(MIN_TOP_MARGIN_M, 2 * input.topNoiseM)
  const sampleTopZ = topZ - topMarginM
  const growthCaps = { uM: caps.u, vM: caps.v, upM: low.z }
  const growth = freeSpaceGrowth(
    input.probe,
    box,
    growthCaps,
    sampleTopZ,
    input.hasSupportPlane,
    input.isOwnPixel,
  )

  const out: AxisBox = {
    ...box,
    uRange: [...box.uRange],
    vRange: [...box.vRange],
    zRange: [...box.zRange],
  }
  if (cylinder !== null && fitsInGrowth(cylinder, box, growth, bandM)) {
    placeCylinder(out, cylinder)
    const arcDeg = Math.round((cylinder.arcSpanRad * 180) / Math.PI)
    notes.push(`cylinder fit to the visible arc (${arcDeg}° of the wall seen)`)
  } else {
    const cameraInWorld: [number, number, number] = [m[12], m[13], m[14]]
    const footprint = {
      out,
      visible: box,
      growth,
      caps,
      wall,
      bandM,
      sampleTopZ,
      topMarginM,
      cameraInWorld,
    }
    notes.push(...completeBoxFootprint(footprint))
  }
  if (growth.bottomReachesPlane && growth.down > Math.max(0.02, 0.1 * low.z)) {
    out.zRange[0] = 0
    notes.push('bottom hidden by an object in front: extended to the support plane')
  }
  notes.push('free-space carving for the upper bounds')
  // Measurement uncertainty of the extents: the depth noise band (2.5σ) or two pixels across, whichever is more;
  // for the height, two σ of the top's noise or a pixel.
  const pixelM = input.pixelAngleRad * range
  const noise = {
    footprintM: Math.max(bandM, 2 * pixelM),
    heightM: Math.max(2 * input.topNoiseM, pixelM),
  }
  return withIntervals(toObjectBox(out, m), low, growth, noise, notes.join('; '))
}

/**
 * The object's shape evidence: a cylinder when its wall is an arc (on the visible box), else the visible box, turned
 * to the yaw of its vertical faces when they contradict it (see reorientedByFaces), with its wall points.
 */
function shapeOf(
  input: AmodalInput,
  bandM: number,
): { box: AxisBox; wall: WallPoints; cylinder: CylinderEvidence | null; notes: string[] } {
  const { pointsInWorld, worldFromCamera: m } = input
  const topBandM = Math.max(0.01, 0.1 * input.visible.sizeM.height)
  const box = toAxisBox(input.visible)
  const wall = wallPoints(pointsInWorld, box, topBandM)
  const cylinder = cylinderEvidence(wall, box, bandM, [m[12], m[13]], input.pixelAngleRad)
  if (cylinder) return { box, wall, cylinder, notes: [] }
  const faces = reorientedByFaces(pointsInWorld, box, wall, bandM)
  if (!faces) return { box, wall, cylinder: null, notes: [] }
  return {
    box: faces,
    wall: wallPoints(pointsInWorld, faces, topBandM),
    cylinder: null,
    notes: ['yaw from the visible faces'],
  }
}

/** 99.5 % quantile of the points' z (a strided subsample of about 1000 points), metres. */
function highQuantileZ(points: Float32Array): number {
  const n = points.length / 3
  const stride = Math.max(1, Math.floor(n / 1000))
  const z = new Float64Array(Math.ceil(n / stride))
  for (let k = 0; k < z.length; k++) z[k] = points[k * stride * 3 + 2]
  return selectInPlace(z, 0.995 * (z.length - 1))
}

function capGrowth(extent: number, widest: number): number {
  return Math.max(2 * extent, 1.5 * widest) - extent
}

/**
 * Intervals: from the visible extent to the visible extent plus the free-space growth, widened to hold the estimate,
 * and widened on both ends by the measurement uncertainty (`noise`: the visible extents are measured from noisy
 * points, so the object can be a little smaller than what was seen, or a little larger than free space shows).
 */
function withIntervals(
  amodal: ReturnType<typeof toObjectBox>,
  low: { u: number; v: number; z: number },
  growth: Growth,
  noise: { footprintM: number; heightM: number },
  method: string,
): AmodalBox {
  const interval = (
    visibleM: number,
    estimateM: number,
    highM: number,
    noiseM: number,
  ): IntervalM => [
    Math.max(0, Math.min(visibleM, estimateM) - noiseM),
    Math.max(highM, estimateM) + noiseM,
  ]
  const { footprintM, heightM } = noise
  return {
    ...amodal,
    sizeIntervalM: {
      width: interval(low.u, amodal.sizeM.width, low.u + growth.plusU + growth.minusU, footprintM),
      depth: interval(low.v, amodal.sizeM.depth, low.v + growth.plusV + growth.minusV, footprintM),
      height: interval(low.z, amodal.sizeM.height, low.z + growth.up + growth.down, heightM),
    },
    method,
  }
}

/**
 * The visible box turned to the yaw its vertical faces show, when they disagree with it: the faces' rectangle
 * holds clearly more wall points on its sides (see faceYaw). Null when the visible yaw stands.
 */
function reorientedByFaces(
  points: Float32Array,
  box: AxisBox,
  wall: WallPoints,
  bandM: number,
): AxisBox | null {
  if (wall.a.length < 40) return null
  const faceBandM = Math.max(0.01, 2 * bandM)
  const current = sideShareAt(wall.xy, box.yawRad, faceBandM)
  // Nearly every wall point already on a side: the visible yaw is the faces' yaw (skip the search).
  if (current >= 0.85) return null
  const faces = yawFromFaces(wall.xy, faceBandM)
  const turn = Math.abs(wrapQuarter(faces.yawRad - box.yawRad))
  if (faces.sideShare < 0.5 || faces.sideShare < current + 0.1 || turn < (2 * Math.PI) / 180)
    return null
  return axisBoxOfPoints(points, faces.yawRad, box.zRange)
}

/** Median camera distance of (up to 500 of) the points, metres: the scale of the depth noise. */
function typicalRange(points: Float32Array, worldFromCamera: Float64Array): number {
  const n = points.length / 3
  const stride = Math.max(1, Math.floor(n / 500))
  const ranges: number[] = []
  for (let i = 0; i < n; i += stride) {
    const dx = points[i * 3] - worldFromCamera[12]
    const dy = points[i * 3 + 1] - worldFromCamera[13]
    const dz = points[i * 3 + 2] - worldFromCamera[14]
    ranges.push(Math.sqrt(dx * dx + dy * dy + dz * dz))
  }
  return quantile(ranges, 0.5)
}

/** The cylinder's footprint must stay inside the visible box grown by what free space allows (plus noise). */
function fitsInGrowth(
  cylinder: CylinderEvidence,
  box: AxisBox,
  growth: Growth,
  bandM: number,
): boolean {
  const a = cylinder.centerX * box.u[0] + cylinder.centerY * box.u[1]
  const b = cylinder.centerX * box.v[0] + cylinder.centerY * box.v[1]
  const r = cylinder.diameterM / 2 - 2 * bandM
  return (
    a - r >= box.uRange[0] - growth.minusU &&
    a + r <= box.uRange[1] + growth.plusU &&
    b - r >= box.vRange[0] - growth.minusV &&
    b + r <= box.vRange[1] + growth.plusV
  )
}

function placeCylinder(out: AxisBox, cylinder: CylinderEvidence): void {
  const a = cylinder.centerX * out.u[0] + cylinder.centerY * out.u[1]
  const b = cylinder.centerX * out.v[0] + cylinder.centerY * out.v[1]
  const r = cylinder.diameterM / 2
  out.uRange = [a - r, a + r]
  out.vRange = [b - r, b + r]
}
