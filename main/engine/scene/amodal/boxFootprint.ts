/**
 * Completes a box-shaped object's footprint behind what the camera sees. Per horizontal extent, in order:
 * a visible vertical face spans it (seen whole); the camera looks down on the object, so the rays grazing its top
 * end the occlusion shadow where the hidden side ends (carved); or nothing measured it, and symmetry about the
 * vertical axis (a square footprint) sets it, within what free space allows. World frame, metres. Pure TypeScript.
 */

import type { AxisBox } from './axisBox'
import type { Growth } from './freeSpaceGrowth'
import { stepFor } from './freeSpaceGrowth'
import { isSpannedByFace, type WallPoints } from './shapeEvidence'

export interface FootprintInput {
  /** Box to write the completed ranges into (starts as a copy of the visible box). */
  out: AxisBox
  visible: AxisBox
  growth: Growth
  /** Growth caps per side along u and v (a side that reached its cap saw no end), metres. */
  caps: { u: number; v: number }
  wall: WallPoints
  /** Noise band of the wall points, metres. */
  bandM: number
  /** Highest free-space sample on the sides (world z) and how far that is below the object's top, metres. */
  sampleTopZ: number
  topMarginM: number
  cameraInWorld: [number, number, number]
}

/** A visible extent at most this many face bands, or this share of the other extent, is a lone face's thickness. */
const THIN_FACE_BANDS = 3
const THIN_SHARE = 0.35

/** One side of an extent: its growth room, cap, face centre (box coordinates) and outward direction (±1). */
type Side = {
  growth: number
  isShadowed: boolean
  capM: number
  axis: 'u' | 'v'
  faceA: number
  faceB: number
  sign: 1 | -1
}

/** Completes `out`'s u and v ranges; returns notes for the method text. */
export function completeBoxFootprint(input: FootprintInput): string[] {
  const { visible } = input
  const faceBandM = Math.max(0.01, 2 * input.bandM)
  const sidesU = sidesOf(input, 'u')
  const sidesV = sidesOf(input, 'v')
  const spansU = isSpannedByFace(input.wall, visible, 'u', faceBandM)
  const spansV = isSpannedByFace(input.wall, visible, 'v', faceBandM)
  const carvedU = spansU ? null : carved(input, sidesU)
  const carvedV = spansV ? null : carved(input, sidesV)
  const extentU = visible.uRange[1] - visible.uRange[0]
  const extentV = visible.vRange[1] - visible.vRange[0]
  // Symmetry target for an extent nothing measured: the other extent when that one was measured.
  const isMeasuredU = spansU || carvedU !== null
  const isMeasuredV = spansV || carvedV !== null
  const symmetric = isMeasuredU
    ? extentU + sum(carvedU)
    : isMeasuredV
      ? extentV + sum(carvedV)
      : Math.max(extentU, extentV)
  const notes: string[] = ['box faces']
  const shared = { faceBandM, symmetric, heightM: visible.zRange[1] - visible.zRange[0], notes }
  input.out.uRange = completeExtent({
    ...shared,
    axis: 'width',
    range: visible.uRange,
    sides: sidesU,
    spans: spansU,
    cut: carvedU,
    otherM: extentV,
  })
  input.out.vRange = completeExtent({
    ...shared,
    axis: 'depth',
    range: visible.vRange,
    sides: sidesV,
    spans: spansV,
    cut: carvedV,
    otherM: extentU,
  })
  return notes
}

/** The two sides (minus, plus) of the extent along `axis`: growth room, cap, face centre and direction. */
function sidesOf(input: FootprintInput, axis: 'u' | 'v'): [Side, Side] {
  const { visible, growth, caps } = input
  const midU = (visible.uRange[0] + visible.uRange[1]) / 2
  const midV = (visible.vRange[0] + visible.vRange[1]) / 2
  const side = (sign: 1 | -1): Side => {
    const end = sign > 0 ? 1 : 0
    const key = `${sign > 0 ? 'plus' : 'minus'}${axis === 'u' ? 'U' : 'V'}` as
      'plusU' | 'minusU' | 'plusV' | 'minusV'
    return {
      growth: growth[key],
      isShadowed: growth.isShadowed[key],
      capM: axis === 'u' ? caps.u : caps.v,
      axis,
      faceA: axis === 'u' ? visible.uRange[end] : midU,
      faceB: axis === 'u' ? midV : visible.vRange[end],
      sign,
    }
  }
  return [side(-1), side(1)]
}

interface ExtentInput {
  axis: 'width' | 'depth'
  range: [number, number]
  sides: [Side, Side]
  /** A visible face spans it. */
  spans: boolean
  /** Carved growth of its two sides, or null when the shadow told nothing. */
  cut: [number, number] | null
  /** The other horizontal extent, the height and the symmetry target, metres. */
  otherM: number
  heightM: number
  symmetric: number
  faceBandM: number
  notes: string[]
}

/** One horizontal extent completed: seen whole, carved, or (a lone face) set by symmetry within free space. */
function completeExtent(e: ExtentInput): [number, number] {
  const { range, sides, axis } = e
  if (e.spans) return range
  if (e.cut) {
    if (e.cut[0] + e.cut[1] > 0.005)
      e.notes.push(`${axis}: hidden side carved (it ends where the sensor sees past it)`)
    return [range[0] - e.cut[0], range[1] + e.cut[1]]
  }
  // Only a lone vertical face (seen about as thin as its noise band, or thin next to the other extent, and
  // thinner than it is tall) is completed by symmetry; a visible extent with real depth means a top or a side
  // was seen, and it stands (a flat object seen from above is not a face).
  const extent = range[1] - range[0]
  if (
    extent > Math.max(THIN_FACE_BANDS * e.faceBandM, THIN_SHARE * e.otherM) ||
    extent >= e.heightM
  )
    return range
  // Grow into the shadow; a side seen head-on has only tolerance room (unless neither side is shadowed).
  const anyShadowed = sides[0].isShadowed || sides[1].isShadowed
  const room = (side: Side): number => (side.isShadowed || !anyShadowed ? side.growth : 0)
  const grown = growTo(range, e.symmetric, room(sides[0]), room(sides[1]))
  if (grown[1] - grown[0] > extent + 0.005)
    e.notes.push(`${axis}: hidden, set by symmetry (square footprint) within free space`)
  return grown
}

function sum(pair: [number, number] | null): number {
  return pair ? pair[0] + pair[1] : 0
}

/**
 * Carved growth of both sides of one extent, or null when a side's shadow is uninformative: the camera is not
 * above the top (rays cannot pass behind it) or the side reached its cap (no end seen). Over the true hidden side,
 * the top samples (a margin below the top) are shadowed for margin / slope beyond the real edge; that slack comes off.
 */
function carved(input: FootprintInput, sides: [Side, Side]): [number, number] | null {
  const [camX, camY, camZ] = input.cameraInWorld
  const drop = camZ - input.sampleTopZ
  if (!(drop > 0) || sides.some((side) => side.growth >= side.capM - 1e-9)) return null
  const { u, v } = input.visible
  const cut = (side: Side): number => {
    // A face the camera sees head-on grew only through its own surface (the depth tolerance): nothing hidden.
    if (!side.isShadowed) return 0
    // Where the shadow ended: the face moved out by the growth.
    const a = side.faceA + (side.axis === 'u' ? side.sign * side.growth : 0)
    const b = side.faceB + (side.axis === 'v' ? side.sign * side.growth : 0)
    const range = Math.hypot(a * u[0] + b * v[0] - camX, a * u[1] + b * v[1] - camY)
    // The first free slab lies up to a step beyond the end; its middle is the best guess.
    const slack = (input.topMarginM * range) / drop + stepFor(side.capM) / 2
    return Math.max(0, side.growth - slack)
  }
  return [cut(sides[0]), cut(sides[1])]
}

/** Grows [lo, hi] to `target` length (never shrinks), split between the sides by their room, within that room. */
function growTo(
  range: [number, number],
  target: number,
  roomLo: number,
  roomHi: number,
): [number, number] {
  const extent = range[1] - range[0]
  const room = roomLo + roomHi
  const extra = Math.min(Math.max(0, target - extent), room)
  if (extra <= 0 || room <= 0) return [range[0], range[1]]
  return [range[0] - (extra * roomLo) / room, range[1] + (extra * roomHi) / room]
}
