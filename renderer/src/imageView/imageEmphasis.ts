import type { MeasurePick } from '../state/measurePicks'
import type { ImageEmphasis } from './imageLabels'

/** What the overlay emphasises: the hovered object, Measure mode's picks, the answer's objects. */
export interface ImageEmphasisInput {
  emphasisedName: string | null
  picks: readonly MeasurePick[]
  answerNames: readonly string[]
}

/**
 * How each object is drawn over the image: hovered first, then picked for Measure mode, then named
 * by the shown answer or verdict, else normal.
 */
export function imageEmphasisOf({
  emphasisedName,
  picks,
  answerNames,
}: ImageEmphasisInput): (name: string) => ImageEmphasis {
  const pickedNames = new Set(picks.flatMap((pick) => (pick.kind === 'object' ? [pick.name] : [])))
  const answered = new Set(answerNames)
  return (name) => {
    if (name === emphasisedName) return 'hover'
    if (pickedNames.has(name)) return 'picked'
    return answered.has(name) ? 'answer' : 'normal'
  }
}
