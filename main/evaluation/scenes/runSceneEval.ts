/**
 * `spatial-lens eval scenes`: our boxes and Open3D's plane + DBSCAN + box baseline, on the same frames, against
 * ground truth (SUN RGB-D amodal boxes, the synthetic tabletop). Reads the committed fixtures.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { SceneEvalDataset, SceneEvalReport } from '../../contract/sceneEvalSchema'
import { UserError } from '../../app/userError'
import { findOpen3dPython, OPEN3D_INSTALL_HINT, type Open3dPython } from './open3dBaseline'
import { evaluateSunRgbd, SUNRGBD_FRAMES } from './sunRgbdDataset'
import { evaluateSynthetic, SYNTHETIC_RESOLUTIONS } from './syntheticDataset'

/** Every dataset id, in report order. */
export const SCENE_EVAL_DATASETS = [
  'sunrgbd',
  ...SYNTHETIC_RESOLUTIONS.map((r) => `synthetic-${r}`),
]

export const OPEN3D_METHOD =
  'synthetic: bench/open3d_reference.py (whole frame: RANSAC table plane, DBSCAN eps 2 cm on a 1 cm voxel grid, ' +
  'plane-aligned boxes from the table to the top), clusters matched to the truth by centre within 10 cm; ' +
  'SUN RGB-D: bench/open3d_regions.py (same region prompt pixels: RANSAC floor, points above it inside the box, ' +
  'largest DBSCAN cluster (eps 5 cm, 2 cm voxels), floor-aligned minimum-area box)'

export interface SceneEvalOptions {
  fixturesDir: string
  /** Folder with open3d_reference.py and open3d_regions.py. */
  benchDir: string
  /** Dataset ids or prefixes ("synthetic" = all three resolutions); default all. */
  datasets?: string[]
  /** SUN RGB-D frames to use (default all 4). */
  sunFrames?: string[]
  /** Python with Open3D; default: the first that imports it. */
  python?: string
  /** Skip Open3D. */
  isOpen3dSkipped?: boolean
  onProgress?: (message: string) => void
}

/**
 * The dataset ids that `requested` names (exact ids or prefixes).
 * @throws UserError naming an id that matches nothing, with the valid ones.
 */
export function selectDatasets(requested: string[] | undefined): string[] {
  if (!requested || requested.length === 0) return SCENE_EVAL_DATASETS
  const chosen = new Set<string>()
  for (const name of requested) {
    const matches = SCENE_EVAL_DATASETS.filter((id) => id === name || id.startsWith(`${name}-`))
    if (matches.length === 0)
      throw new UserError(
        `unknown dataset "${name}"; choose from ${SCENE_EVAL_DATASETS.join(', ')} (or "synthetic")`,
      )
    matches.forEach((id) => chosen.add(id))
  }
  return SCENE_EVAL_DATASETS.filter((id) => chosen.has(id))
}

/** Runs the evaluation and returns the report (validated by the caller with sceneEvalReportSchema). */
export async function runSceneEval(options: SceneEvalOptions): Promise<SceneEvalReport> {
  const ids = selectDatasets(options.datasets)
  const sunFrames = options.sunFrames ?? SUNRGBD_FRAMES
  for (const frame of sunFrames) {
    if (!SUNRGBD_FRAMES.includes(frame))
      throw new UserError(
        `unknown SUN RGB-D frame "${frame}"; choose from ${SUNRGBD_FRAMES.join(', ')}`,
      )
  }
  for (const folder of new Set(
    ids.map((id) => (id === 'sunrgbd' ? 'sunrgbd-mmdet3d' : 'synthetic-tabletop')),
  )) {
    if (!existsSync(join(options.fixturesDir, folder))) {
      throw new UserError(
        `missing fixtures: ${join(options.fixturesDir, folder)} does not exist; eval scenes reads the repository's ` +
          'tests/fixtures (run it from a clone of the project) or the folder given with --fixtures',
      )
    }
  }
  let open3d: Open3dPython | null = null
  let note: string | null = null
  if (options.isOpen3dSkipped) note = 'Open3D was not run (--no-open3d)'
  else {
    open3d = findOpen3dPython(options.python)
    if (!open3d) note = OPEN3D_INSTALL_HINT
  }
  const shared = { fixturesDir: options.fixturesDir, benchDir: options.benchDir, open3d }
  const datasets: SceneEvalDataset[] = []
  for (const id of ids) {
    options.onProgress?.(`evaluating ${id}…`)
    datasets.push(
      id === 'sunrgbd'
        ? await evaluateSunRgbd({ ...shared, frames: sunFrames })
        : await evaluateSynthetic(id.replace('synthetic-', ''), shared),
    )
  }
  return {
    evaluation: 'scenes',
    open3d: {
      isAvailable: open3d !== null,
      version: open3d?.version ?? null,
      python: open3d?.python ?? null,
      note,
      method: OPEN3D_METHOD,
    },
    datasets,
  }
}
