import type { SceneSummary } from '../../main/contract/sceneSchema'
import type { UnitSystem } from '../../main/contract/settingsSchema'
import { formatCount, formatSize, formatSizeRange } from './format'

type SceneObject = SceneSummary['objects'][number]

/** What the object panel writes about one object besides its name, in the user's units. */
export interface ObjectDetails {
  /** Detector confidence, "87 %"; null for user regions and geometry clusters. */
  confidence: string | null
  /** Why the label is not the detector's (the detector's guess kept as a note); null when it is. */
  labelNote: string | null
  /** The few-points warning; null when the object has enough points for its label. */
  fewPoints: string | null
  /** "full ≈ 41 × 76 × 68 cm (range …) · visible 41 × 11 × 68 cm", or the visible size alone. */
  size: string
  /** `size` in pieces that should not break across lines (joined by spaces they are `size`). */
  sizeChunks: string[]
  /** The size's tooltip: the axes, and how the full box was estimated. */
  sizeTitle: string
}

/** A score in [0, 1] as a whole percentage, "87 %". */
export function formatConfidence(score: number): string {
  return `${Math.round(score * 100)} %`
}

/**
 * The panel's texts for an object: detector confidence, a demoted label's note, a few-points flag,
 * and both sizes when the engine estimated the full (amodal) box, else the visible size alone.
 */
export function objectDetails(object: SceneObject, units: UnitSystem): ObjectDetails {
  const check = object.labelCheck
  const visible = formatSize(object.sizeM, units)
  const amodal = object.amodal
  const sizeChunks = amodal
    ? [
        `full ≈ ${formatSize(amodal.sizeM, units)}`,
        `(range ${formatSizeRange(amodal.sizeIntervalM, units)})`,
        `· visible ${visible}`,
      ]
    : [visible]
  return {
    confidence: check ? formatConfidence(check.confidence) : null,
    labelNote: labelNoteOf(check),
    fewPoints: check?.hasFewPoints
      ? `few points (${formatCount(object.pointCount)}) for a ${check.detectorLabel}`
      : null,
    size: sizeChunks.join(' '),
    sizeChunks,
    sizeTitle: amodal
      ? `width × depth × height; full box: ${amodal.method}; visible: the extent of the points seen`
      : 'width × depth × height of the points seen',
  }
}

function labelNoteOf(check: SceneObject['labelCheck']): string | null {
  if (!check) return null
  if (check.note) return check.note
  if (check.isPlausible) return null
  return `detector said "${check.detectorLabel}" (${formatConfidence(check.confidence)})`
}
