import type { SceneSummary } from '../../main/contract/sceneSchema'
import type {
  PerceptionReport,
  PerceptionSettings,
  PerceptionStep,
} from '../../main/contract/perceptionSettings'

type SceneObject = SceneSummary['objects'][number]

/** One chip of the status bar. */
export interface StatusChip {
  key: string
  text: string
  title?: string
  isWarning?: boolean
}

/** "nanodet-m · cpu · 24 ms". */
export function formatStep(step: Pick<PerceptionStep, 'modelId' | 'provider' | 'ms'>): string {
  return `${step.modelId} · ${step.provider} · ${Math.round(step.ms)} ms`
}

function stepOf(report: PerceptionReport | undefined, stage: PerceptionStep['stage']) {
  return report?.steps.find((step) => step.stage === stage)
}

/** The model that labelled the scene's objects, or null when no detector ran. */
export function detectorModelOf(report: PerceptionReport | undefined): string | null {
  return stepOf(report, 'detection')?.modelId ?? null
}

/**
 * Where the scene's depth and objects came from, for the status bar: which detector ran on which
 * provider and how long, the depth source (sensor, or the monocular model), masks, and the notes.
 */
export function perceptionChips(summary: SceneSummary, settings: PerceptionSettings): StatusChip[] {
  const report = summary.perception
  const chips: StatusChip[] = [depthChip(summary)]
  const detection = stepOf(report, 'detection')
  if (detection) {
    const found = report?.detections.filter((d) => d.score >= settings.minScore).length ?? 0
    chips.push({
      key: 'detector',
      text: `detector: ${formatStep(detection)}`,
      title: `${found} detection${found === 1 ? '' : 's'} at score ≥ ${settings.minScore}`,
    })
  } else if (report && settings.detector === 'none') {
    chips.push({ key: 'detector', text: 'detector: none (geometry only)' })
  }
  const masks = stepOf(report, 'segmentation')
  if (masks) chips.push({ key: 'masks', text: `masks: ${formatStep(masks)}` })
  for (const note of report?.notes ?? [])
    chips.push({ key: `note:${note}`, text: note, isWarning: true })
  return chips
}

function depthChip(summary: SceneSummary): StatusChip {
  const { depthSource, depthProvenance } = summary.provenance
  if (depthSource === 'sensor') return { key: 'depth', text: 'depth: sensor' }
  if (depthSource === 'pointcloud') return { key: 'depth', text: 'depth: point cloud' }
  const step = stepOf(summary.perception, 'depth')
  const model = step
    ? formatStep(step)
    : [
        depthProvenance?.modelId ?? 'model',
        depthProvenance?.provider,
        depthProvenance?.inferenceMs !== undefined
          ? `${Math.round(depthProvenance.inferenceMs)} ms`
          : undefined,
      ]
        .filter(Boolean)
        .join(' · ')
  const calibration = depthProvenance?.calibration
  return {
    key: 'depth',
    text: `depth: monocular · ${model}`,
    title: calibration
      ? `calibrated (${calibration.method}), residual ${calibration.residualRel === null ? 'not measurable' : `${(calibration.residualRel * 100).toFixed(1)} %`}`
      : depthProvenance?.output === 'metric'
        ? 'metric model output'
        : undefined,
  }
}

/** Where an object's name comes from: a detector label, a user region, or the geometry alone. */
export type ObjectSource = 'detector' | 'region' | 'geometry'

export interface ObjectOrigin {
  source: ObjectSource
  /** Tooltip: which detector and its score, or how geometry objects are named. */
  title: string
}

export function objectOrigin(
  object: SceneObject,
  report: PerceptionReport | undefined,
): ObjectOrigin {
  if (object.origin === 'cluster')
    return {
      source: 'geometry',
      title: 'Found by geometry: a cluster of points, named from its colour, size and place',
    }
  const detector = detectorModelOf(report)
  if (!detector || object.regionSource === 'user')
    return { source: 'region', title: 'From a region you gave' }
  const scores = (report?.detections ?? [])
    .filter((detection) => detection.label === object.label)
    .map((detection) => detection.score)
  const score = scores.length > 0 ? `, score ${Math.max(...scores).toFixed(2)}` : ''
  return { source: 'detector', title: `Labelled "${object.label}" by ${detector}${score}` }
}
