/**
 * Association of tracks to this frame's objects: a cost from 3D box overlap, centre distance gated by size and
 * colour difference, then greedy assignment cheapest first (few objects per frame, so greedy matches Hungarian
 * in practice and costs O(n·m log(n·m))). Pure TypeScript.
 */

import type { Vec3 } from '../types'
import { boxIou, type YawedBox } from './boxOverlap'

/** What association needs of a track or an object. */
export interface AssociationBox extends YawedBox {
  colorRgb: Vec3
  label: string
}

export interface AssociationOptions {
  /** Smallest centre gate, metres (small objects jitter by more than their own size in noisy depth). */
  minGateM: number
  /** Gate as a fraction of the larger box's largest extent. */
  gateFraction: number
  /** Weight of the colour difference (0–1 scale, 1 = black vs white) in the cost. */
  colorWeight: number
  /** Extra cost when the labels differ (detectors flicker between classes, so not forbidden). */
  labelMismatchCost: number
}

export const DEFAULT_ASSOCIATION: AssociationOptions = {
  minGateM: 0.06,
  gateFraction: 0.6,
  colorWeight: 0.5,
  labelMismatchCost: 0.5,
}

const MAX_COLOR_DISTANCE = Math.sqrt(3) * 255

function largestExtent(b: YawedBox): number {
  return Math.max(b.sizeM.width, b.sizeM.depth, b.sizeM.height)
}

/**
 * Cost of matching a track to an object, or null when they cannot be the same thing (centre beyond the gate and
 * no overlap). Lower is better; 0 = identical box, colour and label.
 */
export function associationCost(
  track: AssociationBox,
  object: AssociationBox,
  options: AssociationOptions = DEFAULT_ASSOCIATION,
): number | null {
  const [ax, ay, az] = track.centerInWorld
  const [bx, by, bz] = object.centerInWorld
  const distance = Math.hypot(ax - bx, ay - by, az - bz)
  const gate = Math.max(
    options.minGateM,
    options.gateFraction * Math.max(largestExtent(track), largestExtent(object)),
  )
  const iou = boxIou(track, object)
  if (iou <= 0 && distance > gate) return null
  const [r1, g1, b1] = track.colorRgb
  const [r2, g2, b2] = object.colorRgb
  const colour = Math.hypot(r1 - r2, g1 - g2, b1 - b2) / MAX_COLOR_DISTANCE
  const label = track.label === object.label ? 0 : options.labelMismatchCost
  return 1 - iou + Math.min(1, distance / gate) + options.colorWeight * colour + label
}

/** One accepted match: indices into the track and object lists. */
export interface Match {
  track: number
  object: number
  cost: number
}

/** Greedy minimum-cost assignment over all gated pairs; each track and object is used at most once. */
export function associate(
  tracks: AssociationBox[],
  objects: AssociationBox[],
  options: AssociationOptions = DEFAULT_ASSOCIATION,
): Match[] {
  const candidates: Match[] = []
  tracks.forEach((t, ti) =>
    objects.forEach((o, oi) => {
      const cost = associationCost(t, o, options)
      if (cost !== null) candidates.push({ track: ti, object: oi, cost })
    }),
  )
  candidates.sort((p, q) => p.cost - q.cost)
  const usedTracks = new Set<number>()
  const usedObjects = new Set<number>()
  const matches: Match[] = []
  for (const c of candidates) {
    if (usedTracks.has(c.track) || usedObjects.has(c.object)) continue
    usedTracks.add(c.track)
    usedObjects.add(c.object)
    matches.push(c)
  }
  return matches
}
