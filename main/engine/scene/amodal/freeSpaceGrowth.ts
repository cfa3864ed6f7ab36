/**
 * Free-space carving for one box: how far each side may move outwards before the box would take space the sensor
 * saw through. Faces the camera sees stop at once (the space in front of them is seen free); faces in the
 * occlusion shadow may grow until rays pass behind the grown part (the shadow's end), an occluder's edge or a cap.
 * World frame, metres. Pure TypeScript.
 */

import type { AxisBox } from './axisBox'
import { footprintGap, worldAt } from './axisBox'
import { FREE, OCCLUDED, UNKNOWN, type DepthProbe } from './depthProbe'

/** How far (metres) each side of the box may grow; `bottomReachesPlane` when the bottom may reach z = 0. */
export interface Growth {
  plusU: number
  minusU: number
  plusV: number
  minusV: number
  up: number
  down: number
  bottomReachesPlane: boolean
  /**
   * Per horizontal side: whether the space it grew into was hidden behind something (occluded samples), i.e. an
   * occlusion shadow. A side the camera sees head-on only "grows" by the depth tolerance, through surface samples.
   */
  isShadowed: { plusU: boolean; minusU: boolean; plusV: boolean; minusV: boolean }
}

export interface GrowthCaps {
  /** Largest growth per side along u and along v, metres. */
  uM: number
  vM: number
  /** Largest growth upwards, metres. */
  upM: number
}

/** Slabs per side at most (the step grows with the cap). */
const MAX_STEPS = 60
/** Smallest marching step, metres. */
const MIN_STEP_M = 0.005
/** Samples across a slab at most, per direction. */
const MAX_SAMPLES_PER_AXIS = 12
/** A slab is seen through when at least this many of its samples (and 3 % of them) are free. */
const MIN_FREE_SAMPLES = 3
/** An occluder nearer than this (metres, horizontally) to the footprint may be what the object stands on. */
const SUPPORT_GAP_M = 0.1

/**
 * Growth limits of every side. Samples sit inside each slab (inset from the box edges, and no higher than
 * `sampleTopZ`, a noise margin below the object's top, so noise on the top does not see "free" space over it).
 * @param sampleTopZ highest sample height on the sides, world z, metres.
 * @param hasSupportPlane whether z = 0 is a real support plane the bottom may extend down to.
 * @param isOwnPixel whether a pixel (row-major index) shows this object: its own surface never blocks it.
 */
export function freeSpaceGrowth(
  probe: DepthProbe,
  box: AxisBox,
  caps: GrowthCaps,
  sampleTopZ: number,
  hasSupportPlane: boolean,
  isOwnPixel: (pixel: number) => boolean,
): Growth {
  const side = (axis: 'u' | 'v', sign: 1 | -1): SideGrowth =>
    growSide(probe, box, axis, sign, axis === 'u' ? caps.uM : caps.vM, sampleTopZ)
  const [plusU, minusU, plusV, minusV] = [side('u', 1), side('u', -1), side('v', 1), side('v', -1)]
  const down = hasSupportPlane ? growDown(probe, box, isOwnPixel) : 0
  return {
    plusU: plusU.growthM,
    minusU: minusU.growthM,
    plusV: plusV.growthM,
    minusV: minusV.growthM,
    up: growUp(probe, box, caps.upM),
    down,
    bottomReachesPlane: hasSupportPlane && box.zRange[0] - down <= 1e-9,
    isShadowed: {
      plusU: plusU.isShadowed,
      minusU: minusU.isShadowed,
      plusV: plusV.isShadowed,
      minusV: minusV.isShadowed,
    },
  }
}

interface SideGrowth {
  growthM: number
  isShadowed: boolean
}

/**
 * Evenly spaced samples across [lo, hi], inset by 5 % at the low end and, unless `isExactHigh`, at the high end.
 * Heights keep their top sample exactly at the (margin-lowered) top: the rays grazing the top decide where the
 * shadow behind an object ends.
 */
function samplesAcross(lo: number, hi: number, isExactHigh = false): number[] {
  const span = hi - lo
  const count = Math.max(2, Math.min(MAX_SAMPLES_PER_AXIS, Math.round(span / 0.01) + 1))
  const inset = 0.05 * span
  const last = isExactHigh ? hi : hi - inset
  return Array.from(
    { length: count },
    (_, k) => lo + inset + ((last - lo - inset) * k) / (count - 1),
  )
}

/** Marching step for a side whose growth is capped at `capM`, metres. */
export function stepFor(capM: number): number {
  return Math.max(MIN_STEP_M, capM / MAX_STEPS)
}

/** March a vertical face outwards along ±u or ±v; stop at the first slab the sensor saw through. */
function growSide(
  probe: DepthProbe,
  box: AxisBox,
  axis: 'u' | 'v',
  sign: 1 | -1,
  capM: number,
  sampleTopZ: number,
): SideGrowth {
  const range = axis === 'u' ? box.uRange : box.vRange
  const across = axis === 'u' ? box.vRange : box.uRange
  const face = sign > 0 ? range[1] : range[0]
  const [z0, z1] = box.zRange
  const tangents = samplesAcross(across[0], across[1])
  const heights = samplesAcross(z0, Math.max(z0 + 1e-3, Math.min(z1, sampleTopZ)), true)
  const threshold = Math.max(MIN_FREE_SAMPLES, Math.ceil(0.03 * tangents.length * heights.length))
  const step = stepFor(capM)
  let occluded = 0
  for (let k = 0; (k + 0.5) * step <= capM; k++) {
    const at = face + sign * (k + 0.5) * step
    let free = 0
    for (const t of tangents) {
      for (const z of heights) {
        const p = axis === 'u' ? worldAt(box, at, t, z) : worldAt(box, t, at, z)
        const result = probe.classify(p[0], p[1], p[2])
        if (result === OCCLUDED) occluded++
        if (result === FREE && ++free >= threshold)
          return { growthM: (k + 0.5) * step, isShadowed: occluded >= threshold }
      }
    }
  }
  return { growthM: capM, isShadowed: occluded >= threshold }
}

/** March the top upwards over the footprint; stop at the first slab seen through. */
function growUp(probe: DepthProbe, box: AxisBox, capM: number): number {
  const us = samplesAcross(box.uRange[0], box.uRange[1])
  const vs = samplesAcross(box.vRange[0], box.vRange[1])
  const threshold = Math.max(MIN_FREE_SAMPLES, Math.ceil(0.03 * us.length * vs.length))
  const step = stepFor(capM)
  for (let k = 0; (k + 0.5) * step <= capM; k++) {
    const z = box.zRange[1] + (k + 0.5) * step
    let free = 0
    for (const a of us) {
      for (const b of vs) {
        const p = worldAt(box, a, b, z)
        if (probe.classify(p[0], p[1], p[2]) === FREE && ++free >= threshold)
          return k === 0 ? 0 : (k + 0.5) * step
      }
    }
  }
  return capM
}

/**
 * March the bottom down towards the support plane (z = 0). Unlike the sides, the bottom only grows where the
 * sensor's view is blocked by something clearly in front (a bed in front of a night stand) or by the object's own
 * surface: free space, or another object's surface at the footprint (what the object stands on, e.g. a lamp's
 * table) stops it.
 */
function growDown(probe: DepthProbe, box: AxisBox, isOwnPixel: (pixel: number) => boolean): number {
  const bottom = box.zRange[0]
  if (bottom <= 0) return 0
  const us = samplesAcross(box.uRange[0], box.uRange[1])
  const vs = samplesAcross(box.vRange[0], box.vRange[1])
  const threshold = Math.max(MIN_FREE_SAMPLES, Math.ceil(0.05 * us.length * vs.length))
  const step = stepFor(bottom)
  for (let k = 0; (k + 0.5) * step <= bottom; k++) {
    const z = bottom - (k + 0.5) * step
    let blocked = 0
    for (const a of us) {
      for (const b of vs) {
        const p = worldAt(box, a, b, z)
        const result = probe.classify(p[0], p[1], p[2])
        if (result === UNKNOWN) continue
        const isHidden = result !== FREE && (isOwnPixel(probe.lastPixel) || isInFront(probe, box))
        if (!isHidden && ++blocked >= threshold) return k * step
      }
    }
  }
  return bottom
}

/** Whether the last occluder is away from the footprint: something in front, not what the object stands on. */
function isInFront(probe: DepthProbe, box: AxisBox): boolean {
  const [x, y] = probe.lastMeasuredInWorld()
  return footprintGap(box, x, y) > SUPPORT_GAP_M
}
