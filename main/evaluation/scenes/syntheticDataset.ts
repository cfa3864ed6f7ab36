/**
 * The synthetic tabletop (tests/fixtures/synthetic-tabletop): six solids on a table, exact ground truth, 0.5 %
 * depth noise. Neither method gets prompts: both find the objects themselves, matched to the truth by centre.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { buildScene } from '../../engine/scene/buildScene'
import { loadRgbdFrameFromBytes } from '../../sources/rgbdFrame'
import type { SceneEvalDataset } from '../../contract/sceneEvalSchema'
import { objectRow, summarizeDataset } from './evalRows'
import { matchByCentre, type MeasuredBox, type TruthBox } from './metrics'
import { open3dFrameBoxes, type Open3dPython } from './open3dBaseline'
import { ourBox } from './ourBox'
import type { DatasetOptions } from './sunRgbdDataset'

export const SYNTHETIC_RESOLUTIONS = ['320x240', '640x480', '1280x960'] as const

/** A found box farther than this from every true centre is a different object, metres. */
export const MATCH_DISTANCE_M = 0.1

const finite = z.number().finite()
const positive = finite.positive()
const groundTruthSchema = z.object({
  resolution: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  intrinsics: z.object({ fx: positive, fy: positive, cx: finite, cy: finite }),
  objects: z.array(
    z.object({
      name: z.string(),
      shape: z.enum(['box', 'cylinder']),
      size_m: z.object({
        width: positive.optional(),
        depth: positive.optional(),
        diameter: positive.optional(),
        height: positive,
      }),
      centre_camera: z.tuple([finite, finite, finite]),
    }),
  ),
})

function truthOf(object: z.infer<typeof groundTruthSchema>['objects'][number]): TruthBox {
  const { width, depth, diameter, height } = object.size_m
  const sides = object.shape === 'cylinder' ? [diameter, diameter] : [width, depth]
  if (sides[0] === undefined || sides[1] === undefined)
    throw new Error(`ground truth ${object.name}: ${object.shape} without its sizes`)
  return {
    centerInCamera: object.centre_camera,
    footprintM: [Math.max(sides[0], sides[1]), Math.min(sides[0], sides[1])],
    heightM: height,
  }
}

/** Evaluates our scene (no prompts) and Open3D's clusters on one synthetic resolution, e.g. "320x240". */
export async function evaluateSynthetic(
  resolution: string,
  options: DatasetOptions,
): Promise<SceneEvalDataset> {
  const dir = join(options.fixturesDir, 'synthetic-tabletop')
  const file = (suffix: string) => join(dir, `scene_${resolution}_${suffix}`)
  const gt = groundTruthSchema.parse(JSON.parse(readFileSync(file('gt.json'), 'utf8')))
  const [width, height] = gt.resolution
  const frame = await loadRgbdFrameFromBytes({
    rgb: readFileSync(file('color.png')),
    rgbName: file('color.png'),
    depth: readFileSync(file('depth.png')),
    depthName: file('depth.png'),
    intrinsics: { width, height, ...gt.intrinsics },
    intrinsicsName: file('gt.json'),
    depthScale: 1000,
  })
  const scene = buildScene(frame)
  const warnings = [...scene.warnings]
  const truths = gt.objects.map(truthOf)
  const centres = truths.map((t) => t.centerInCamera)
  const ours = matchByCentre(
    scene.objects.map((o) => o.centerInCamera),
    centres,
    MATCH_DISTANCE_M,
  )
  const open3dBoxes = options.open3d
    ? open3dBoxesOf(options.open3d, options.benchDir, file, gt.intrinsics, warnings)
    : null
  const theirs = open3dBoxes
    ? matchByCentre(
        open3dBoxes.map((b) => b.centerInCamera),
        centres,
        MATCH_DISTANCE_M,
      )
    : []
  const rows = gt.objects.map((o, i) => {
    const mine = ours[i]
    const other = theirs[i]
    return objectRow(
      resolution,
      o.name,
      truths[i],
      mine === null ? undefined : ourBox(scene.objects[mine]),
      other == null || !open3dBoxes ? undefined : open3dBoxes[other],
    )
  })
  return {
    id: `synthetic-${resolution}`,
    title: `Synthetic tabletop ${resolution.replace('x', '×')} (6 solids, 0.5 % depth noise), no prompts`,
    groundTruth: 'exact solids from our ray caster (centre of the solid, true sizes)',
    isReal: false,
    frames: [resolution],
    objects: rows,
    summary: summarizeDataset(rows, open3dBoxes !== null),
    warnings,
  }
}

/** Open3D's clusters of the frame; null (and a warning) when its run fails. */
function open3dBoxesOf(
  python: Open3dPython,
  benchDir: string,
  file: (suffix: string) => string,
  intrinsics: Parameters<typeof open3dFrameBoxes>[3],
  warnings: string[],
): MeasuredBox[] | null {
  try {
    return open3dFrameBoxes(
      python,
      benchDir,
      { rgb: file('color.png'), depth: file('depth.png') },
      intrinsics,
    )
  } catch (error) {
    warnings.push(`Open3D failed: ${(error as Error).message}`)
    return null
  }
}
