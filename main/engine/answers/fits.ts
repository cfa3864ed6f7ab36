/**
 * "Can an object W wide fit between A and B?": compares W with the free gap along the line joining the two centres
 * in the horizontal (world xy) plane. Metres. Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { centreLineGap, polygonDistance2D, footprint } from './boxGeometry'
import { buildProvenance, formatLength, sentence, the, toAnswerObject } from './format'
import type { Answer } from './types'

/**
 * Whether something `widthM` wide fits between A and B: true when the free gap along the centre line ≥ widthM.
 * @param widthM width of the thing to fit, metres (> 0).
 * @param widthText how the width was given (e.g. "8 cm gripper"), for the text; defaults to the formatted width.
 * @returns value boolean, unit 'bool'; detail.gapM the centre-line gap (≤ 0 when overlapping), detail.narrowestGapM
 *   the closest footprint distance, detail.requiredWidthM; geometry the free part of the centre line.
 */
export function fitsBetween(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  widthM: number,
  widthText?: string,
  question?: string,
): Answer {
  const g = centreLineGap(a, b)
  const narrowest = polygonDistance2D(footprint(a), footprint(b)).distance
  const gap = g.gapM
  const fits = gap >= widthM
  const thing = widthText ?? `something ${formatLength(widthM)} wide`
  let text: string
  if (gap <= 0) {
    text = `No: ${the(a)} and ${the(b)} touch or overlap along the line between them, so there is no free gap for ${thing}.`
  } else if (fits) {
    text = `Yes: the free gap between ${the(a)} and ${the(b)} (along the line joining their centres) is ${formatLength(gap)}, which is at least ${formatLength(widthM)}.`
    if (narrowest < widthM) {
      text += ` Tight elsewhere: their footprints come within ${formatLength(narrowest)} of each other.`
    }
  } else {
    text = `No: the free gap between ${the(a)} and ${the(b)} (along the line joining their centres) is ${formatLength(gap)}, less than ${formatLength(widthM)}.`
  }
  return {
    question: question ?? sentence(`can ${thing} fit between ${the(a)} and ${the(b)}?`),
    kind: 'fits_between',
    text,
    value: fits,
    unit: 'bool',
    objects: [toAnswerObject(a), toAnswerObject(b)],
    provenance: buildProvenance(
      scene,
      [a, b],
      "free gap along the centre-to-centre line in the world xy plane (exit of A's footprint to entry of B's) compared with the width",
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: g.exitFromA,
      toInWorld: g.entryIntoB,
      lengthM: gap,
      label: formatLength(gap),
    },
    detail: { gapM: gap, narrowestGapM: narrowest, requiredWidthM: widthM },
  }
}
