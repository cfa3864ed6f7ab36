/**
 * Per-object quantities that predicates and choice questions compare. Lengths in metres, volume in m³,
 * positions in the world frame (x right, y forward away from the camera, z up).
 * Pure TypeScript.
 */

import type { SceneObject } from '../types'
import { boxVolume } from './boxGeometry'
import { formatLength, formatVolume } from './format'

/** One comparable quantity of an object. */
export interface Measure {
  /** Readable name, e.g. "centre x". */
  quantity: string
  /** The value for an object (metres or m³). */
  of: (o: SceneObject) => number
  /** Readable value. */
  format: (v: number) => string
  /** True for positions (text reports the difference), false for sizes (text reports both values). */
  isPosition: boolean
  /** Word for "A has the larger value" and "A has the smaller value", e.g. "further right" / "further left". */
  more: string
  less: string
  /** |Δ| at or below which the two are called "about the same" in text. */
  tieTolerance: (a: number, b: number) => number
  /** How the value is computed, for provenance. */
  method: string
}

const LENGTH_TIE = (): number => 5e-4
const VOLUME_TIE = (a: number, b: number): number => 5e-3 * Math.max(Math.abs(a), Math.abs(b))

/** Centre x in the world frame (right of the camera positive). */
export const CENTRE_X: Measure = {
  quantity: 'centre x',
  of: (o) => o.centerInWorld[0],
  format: formatLength,
  isPosition: true,
  more: 'further right',
  less: 'further left',
  tieTolerance: LENGTH_TIE,
  method: 'box centres compared along world x (camera right projected on the support plane)',
}

/** Centre y in the world frame (forward, away from the camera, positive). */
export const CENTRE_Y: Measure = {
  quantity: 'centre y',
  of: (o) => o.centerInWorld[1],
  format: formatLength,
  isPosition: true,
  more: 'further from the camera (along world y)',
  less: 'nearer the camera (along world y)',
  tieTolerance: LENGTH_TIE,
  method: 'box centres compared along world y (forward, away from the camera); front = smaller y',
}

/** Centre height z in the world frame (above the support plane). */
export const CENTRE_Z: Measure = {
  quantity: 'centre height',
  of: (o) => o.centerInWorld[2],
  format: formatLength,
  isPosition: true,
  more: 'higher',
  less: 'lower',
  tieTolerance: LENGTH_TIE,
  method: 'box centres compared along world z (up)',
}

/** Box width (extent along the box axis nearest world x). */
export const WIDTH: Measure = {
  quantity: 'width',
  of: (o) => o.sizeM.width,
  format: formatLength,
  isPosition: false,
  more: 'wider',
  less: 'narrower',
  tieTolerance: LENGTH_TIE,
  method: 'box widths compared (extent along the box axis nearest world x)',
}

/** Box height (extent along world z). */
export const HEIGHT: Measure = {
  quantity: 'height',
  of: (o) => o.sizeM.height,
  format: formatLength,
  isPosition: false,
  more: 'taller',
  less: 'shorter',
  tieTolerance: LENGTH_TIE,
  method: 'box heights compared (extent along world z)',
}

/** Box volume w·d·h. */
export const VOLUME: Measure = {
  quantity: 'volume',
  of: (o) => boxVolume(o),
  format: formatVolume,
  isPosition: false,
  more: 'bigger',
  less: 'smaller',
  tieTolerance: VOLUME_TIE,
  method: 'box volumes width·depth·height compared',
}

/** 3D distance from the camera centre to the box centre (norm of the camera-frame centre). */
export const CAMERA_DISTANCE: Measure = {
  quantity: 'distance from the camera',
  of: (o) => Math.hypot(o.centerInCamera[0], o.centerInCamera[1], o.centerInCamera[2]),
  format: formatLength,
  isPosition: false,
  more: 'farther from the camera',
  less: 'closer to the camera',
  tieTolerance: LENGTH_TIE,
  method: '3D distances from the camera centre to the box centres compared',
}

/** 3D centre-to-centre distance to a reference object. */
export function distanceTo(ref: SceneObject): Measure {
  return {
    quantity: `distance to the ${ref.name}`,
    of: (o) =>
      Math.hypot(
        o.centerInWorld[0] - ref.centerInWorld[0],
        o.centerInWorld[1] - ref.centerInWorld[1],
        o.centerInWorld[2] - ref.centerInWorld[2],
      ),
    format: formatLength,
    isPosition: false,
    more: `farther from the ${ref.name}`,
    less: `closer to the ${ref.name}`,
    tieTolerance: LENGTH_TIE,
    method: `3D centre-to-centre distances to the ${ref.name} compared`,
  }
}

/**
 * Reason sentence for "A vs B" on a measure, e.g. "its centre is 17 cm further left" or
 * "its width is 12 cm, the laptop's is 30 cm".
 */
export function compareReason(m: Measure, a: SceneObject, b: SceneObject): string {
  const va = m.of(a)
  const vb = m.of(b)
  const d = va - vb
  if (Math.abs(d) <= m.tieTolerance(va, vb)) {
    return `they are about the same (${m.quantity} ${m.format(va)} vs ${m.format(vb)})`
  }
  if (m.isPosition)
    return `its centre is ${m.format(Math.abs(d))} ${d > 0 ? m.more : m.less} than the ${b.name}'s`
  return `its ${m.quantity} is ${m.format(va)}, the ${b.name}'s is ${m.format(vb)}`
}
