import type { MeasureTarget } from '../../../main/contract/measureSchema'

/** One end picked in Measure mode: an object, or a 3D point (world frame, metres). */
export type MeasurePick =
  | { kind: 'object'; name: string }
  | { kind: 'point'; pointInWorld: readonly [number, number, number] }

/** What a click picks: the object under it when snapping to objects, else the point under it. */
export type SnapMode = 'objects' | 'points'

/** Where a click landed: the object there and the 3D point there (either may be missing). */
export interface ClickTarget {
  objectName: string | null
  pointInWorld: readonly [number, number, number] | null
}

/** The pick a click makes, or why it makes none (one line for the user). */
export function pickFromClick(
  snap: SnapMode,
  target: ClickTarget,
): MeasurePick | { problem: string } {
  if (snap === 'objects' && target.objectName) return { kind: 'object', name: target.objectName }
  if (target.pointInWorld) return { kind: 'point', pointInWorld: target.pointInWorld }
  return {
    problem:
      snap === 'objects'
        ? 'Nothing there: click an object or a point of the cloud.'
        : 'No point there: click on the cloud, where the sensor saw a surface.',
  }
}

/**
 * The picks after one more: a third click starts a new measurement. Picking the object already
 * picked is refused (its gap to itself means nothing).
 */
export function addPick(
  picks: readonly MeasurePick[],
  pick: MeasurePick,
): MeasurePick[] | { problem: string } {
  if (picks.length !== 1) return [pick]
  const [first] = picks
  if (first.kind === 'object' && pick.kind === 'object' && first.name === pick.name)
    return { problem: `That is the ${pick.name} again: pick another object, or a point.` }
  return [first, pick]
}

/** The contract's target for a pick. */
export function toMeasureTarget(pick: MeasurePick): MeasureTarget {
  return pick.kind === 'object' ? { object: pick.name } : { pointInWorld: [...pick.pointInWorld] }
}
