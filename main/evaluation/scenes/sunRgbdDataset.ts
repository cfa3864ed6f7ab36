/**
 * SUN RGB-D (tests/fixtures/sunrgbd-mmdet3d): 4 real bedroom frames, 17 amodal ground-truth boxes. Both methods
 * get the same region prompts, the truth boxes projected to 2D, so the scores measure lifting, not detection.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { buildScene } from '../../engine/scene/buildScene'
import type { RegionPrompt } from '../../engine/types'
import { loadRgbdFrame } from '../../sources/rgbdFrame'
import type { SceneEvalDataset, SceneEvalObject } from '../../contract/sceneEvalSchema'
import { objectRow, summarizeDataset } from './evalRows'
import type { TruthBox } from './metrics'
import { open3dRegionBoxes, type Open3dPython } from './open3dBaseline'
import { ourBox } from './ourBox'
import { regionBoxFromCorners } from './regionFromCorners'

export const SUNRGBD_FRAMES = ['000001', '000002', '000003', '000004']

const finite = z.number().finite()
const vec3 = z.tuple([finite, finite, finite])
const boxesFileSchema = z.object({
  K_0based: z.array(z.array(finite).length(3)).length(3),
  objects: z.array(
    z.object({
      class: z.string(),
      centroid_camera_m: vec3,
      size_m: z.object({ along_heading: finite, across_heading: finite, vertical: finite }),
      corners_camera_m: z.array(vec3).length(8),
    }),
  ),
})

/** Options shared by the datasets: where the fixtures are, and Open3D (null: not run). */
export interface DatasetOptions {
  fixturesDir: string
  benchDir: string
  open3d: Open3dPython | null
  /** Subset of frames (default all). */
  frames?: string[]
}

/** Evaluates our region lifting and Open3D's on the SUN RGB-D frames. */
export async function evaluateSunRgbd(options: DatasetOptions): Promise<SceneEvalDataset> {
  const dir = join(options.fixturesDir, 'sunrgbd-mmdet3d')
  const frames = options.frames ?? SUNRGBD_FRAMES
  const rows: SceneEvalObject[] = []
  const warnings: string[] = []
  for (const frame of frames) rows.push(...(await evaluateFrame(dir, frame, options, warnings)))
  return {
    id: 'sunrgbd',
    title: `SUN RGB-D, ${frames.length} real bedroom frames, region prompts from the ground-truth boxes`,
    groundTruth:
      'amodal annotated boxes (the hidden back and bottom included), loose to about ±10–20 cm (PROVENANCE.md)',
    isReal: true,
    frames,
    objects: rows,
    summary: summarizeDataset(rows, options.open3d !== null),
    warnings,
  }
}

/** One frame: its truth boxes as region prompts, lifted by us and by Open3D; one row per box. */
async function evaluateFrame(
  dir: string,
  frame: string,
  options: DatasetOptions,
  warnings: string[],
): Promise<SceneEvalObject[]> {
  const boxes = boxesFileSchema.parse(
    JSON.parse(readFileSync(join(dir, 'boxes', `${frame}.json`), 'utf8')),
  )
  const paths = {
    rgbPath: join(dir, 'image', `${frame}.jpg`),
    depthPath: join(dir, 'depth', `${frame}.png`),
    intrinsicsPath: join(dir, 'intrinsics.json'),
  }
  const rgbd = await loadRgbdFrame(paths)
  const { width, height } = rgbd.intrinsics
  const [[fx, , cx], [, fy, cy]] = boxes.K_0based
  const regions = boxes.objects.map((o) => ({
    label: o.class.replace('_', ' '),
    box: regionBoxFromCorners(o.corners_camera_m, { fx, fy, cx, cy }, width, height),
  }))
  const scene = buildScene(rgbd, { regions: regions as RegionPrompt[] })
  warnings.push(...scene.warnings.map((w) => `${frame}: ${w}`))
  const open3d = options.open3d
    ? open3dBoxes(options.open3d, options.benchDir, frame, paths, regions, warnings)
    : null
  return boxes.objects.map((o, i) => {
    const { along_heading: along, across_heading: across, vertical } = o.size_m
    const truth: TruthBox = {
      centerInCamera: o.centroid_camera_m,
      footprintM: [Math.max(along, across), Math.min(along, across)],
      heightM: vertical,
    }
    const ours = scene.objects.find((s) => s.origin === 'region' && s.label === regions[i].label)
    const theirs = open3d?.[i]
    if (theirs && 'error' in theirs)
      warnings.push(`${frame} ${regions[i].label}: Open3D: ${theirs.error}`)
    return objectRow(
      frame,
      regions[i].label,
      truth,
      ours && ourBox(ours),
      theirs && !('error' in theirs) ? theirs : undefined,
    )
  })
}

/** Open3D's boxes for the frame's regions; null (and a warning) when its run fails. */
function open3dBoxes(
  python: Open3dPython,
  benchDir: string,
  frame: string,
  paths: { depthPath: string; intrinsicsPath: string },
  regions: Parameters<typeof open3dRegionBoxes>[3],
  warnings: string[],
): ReturnType<typeof open3dRegionBoxes> | null {
  try {
    return open3dRegionBoxes(
      python,
      benchDir,
      { depth: paths.depthPath, intrinsics: paths.intrinsicsPath },
      regions,
    )
  } catch (error) {
    warnings.push(`${frame}: Open3D failed: ${(error as Error).message}`)
    return null
  }
}
