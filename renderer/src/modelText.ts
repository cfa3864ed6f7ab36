import { formatBytes } from '../../main/contract/byteSize'
import type { ModelRow } from '../../main/contract/modelsSchema'

// How the Models panel words the manager's states (one place, so rows and tests agree).

const TASKS: Record<string, string> = {
  'metric-depth': 'Metric depth',
  'relative-depth': 'Relative depth',
  detection: 'Detection',
  'open-vocabulary-detection': 'Open-vocabulary detection',
  segmentation: 'Segmentation',
  'vision-language': 'Vision-language',
  'relation-verification': 'Relation verification',
}

export function taskLabel(task: string): string {
  return TASKS[task] ?? task
}

export function modelSize(model: ModelRow): string {
  if (model.totalBytes === null) return 'size unknown'
  const prefix = model.isSizeApproximate ? '~' : ''
  return `${prefix}${formatBytes(model.totalBytes)}${model.isSizeLowerBound ? '+' : ''}`
}

/** The state badge: what the user has now. */
export function stateLabel(model: ModelRow): string {
  switch (model.state) {
    case 'built-in':
      return 'Built in'
    case 'installed':
      return 'Installed'
    case 'partial':
      return 'Partly downloaded'
    case 'damaged':
      return 'Damaged'
    case 'missing':
      return 'Not installed'
  }
}

/** How the installed files were checked. */
export function verificationLabel(model: ModelRow): string | null {
  switch (model.verification) {
    case 'published':
      return 'SHA-256 verified against the published hash'
    case 'trust-on-first-use':
      return 'no published hash: SHA-256 recorded at download'
    case 'unchecked':
      return 'not checked yet: click Verify'
    case 'built-in':
      return 'ships with Spatial Lens'
    default:
      return null
  }
}
