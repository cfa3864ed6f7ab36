/**
 * Body of `node bench/ensemble.js` (bundled by esbuild there, so the engine's TypeScript runs as is): statements
 * verified per second on this CPU, per voter and for SpatialEnsemble, over the VSR test captions (random and
 * zero-shot splits, tests/fixtures/vsr) against the images' ground-truth COCO boxes
 * (tests/fixtures/vsr-images/coco_boxes.json) where the fixture has them, else constructed boxes (the caption's two
 * objects plus distractors, placed by a fixed pseudo-random sequence), and a 3D scene lifted from those boxes.
 */

import { join } from 'node:path'
import { combineVotes } from '../main/engine/ensemble/combineVotes'
import { GeometricVerifier } from '../main/engine/ensemble/geometricVerifier'
import { LanguagePriorVoter } from '../main/engine/ensemble/languagePrior'
import { parseStatement } from '../main/engine/ensemble/parseStatement'
import type { LabelledBox2d, Vote, VoteContext } from '../main/engine/ensemble/voter'
import type { SceneObject } from '../main/engine/types'
import { readGroundTruthBoxes } from '../main/ensemble/cocoBoxes'
import { loadEnsembleFile } from '../main/ensemble/ensembleFile'
import { readVsrPart, type VsrItem } from '../main/ensemble/vsrDataset'

const CAMERA_HEIGHT_M = 1.5

/**
 * A 3D object from a normalised 2D box, as a level pinhole camera 1.5 m above the ground (focal length 1 image
 * height, horizon at mid-image) would see it standing on the ground: the box's bottom row gives its distance.
 */
function liftBox(box: LabelledBox2d, id: number): SceneObject {
  const [x0, y0, x1, y1] = box.box
  const distanceM = Math.min(20, Math.max(0.5, CAMERA_HEIGHT_M / Math.max(1e-3, y1 - 0.5)))
  const widthM = Math.max(0.01, (x1 - x0) * distanceM)
  const heightM = Math.max(0.01, (y1 - y0) * distanceM)
  const x = ((x0 + x1) / 2 - 0.5) * distanceM
  const z = heightM / 2
  return {
    id,
    name: `${box.label} ${id}`,
    label: box.label,
    description: box.label,
    origin: 'region',
    pointCount: 100,
    colorRgb: [128, 128, 128],
    pixelIndices: new Uint32Array(0),
    centerInWorld: [x, distanceM, z],
    centerInCamera: [x, CAMERA_HEIGHT_M - z, distanceM],
    sizeM: { width: widthM, depth: widthM, height: heightM },
    yawRad: 0,
  }
}

const DISTRACTORS = ['person', 'chair', 'cup', 'bottle']

/** Deterministic boxes for a caption whose image has no ground truth: its two objects and four distractors. */
function constructedBoxes(item: VsrItem, index: number): LabelledBox2d[] {
  let seed = (index + 1) * 2654435761
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return seed / 2 ** 32
  }
  const labels = [item.statement.subject, item.statement.object, ...DISTRACTORS]
  return labels.map((label) => {
    const w = 0.1 + 0.3 * next()
    const h = 0.1 + 0.3 * next()
    const x0 = next() * (1 - w)
    const y0 = 0.2 + next() * (0.8 - h)
    return { label, box: [x0, y0, x0 + w, y0 + h], score: 1 }
  })
}

interface Case {
  item: VsrItem
  context3d: VoteContext
  context2d: VoteContext
}

/** Median seconds of `rounds` timed passes of `pass` (after one warm-up pass). */
function medianSeconds(rounds: number, pass: () => number): number {
  pass()
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    pass()
    times.push((performance.now() - start) / 1000)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

export function runEnsembleBench(root: string, rounds: number): object {
  const vsrDir = join(root, 'tests', 'fixtures', 'vsr')
  const boxes = readGroundTruthBoxes(
    join(root, 'tests', 'fixtures', 'vsr-images', 'coco_boxes.json'),
  )
  const ensemble = loadEnsembleFile(join(root, 'models', 'ensemble', 'spatial-ensemble.json'))
  const items = [
    ...readVsrPart(vsrDir, 'random', 'test'),
    ...readVsrPart(vsrDir, 'zeroshot', 'test'),
  ]
  let withGroundTruth = 0
  const cases: Case[] = items.map((item, index) => {
    const known = boxes.get(item.image)
    if (known) withGroundTruth++
    const boxes2d = known ?? constructedBoxes(item, index)
    return { item, context3d: { sceneObjects: boxes2d.map(liftBox) }, context2d: { boxes2d } }
  })
  const geometry = new GeometricVerifier('geometry')
  const prior = new LanguagePriorVoter(ensemble.languagePrior)
  let sink = 0
  const count = (vote: Vote) => (vote.verdict === 'true' ? 1 : 0)
  const timed: Record<string, () => number> = {
    'parse only (reference)': () => {
      for (const c of cases) sink += parseStatement(c.item.caption) ? 1 : 0
      return sink
    },
    'geometry 3D': () => {
      for (const c of cases) sink += count(geometry.vote(c.item.statement, c.context3d))
      return sink
    },
    'geometry 2D': () => {
      for (const c of cases) sink += count(geometry.vote(c.item.statement, c.context2d))
      return sink
    },
    'language prior': () => {
      for (const c of cases) sink += count(prior.vote(c.item.statement))
      return sink
    },
    'ensemble (parse + geometry 3D/2D + prior + weights)': () => {
      for (const c of cases) {
        const statement = parseStatement(c.item.caption)
        if (!statement) continue
        const context = { ...c.context3d, ...c.context2d }
        const votes = [geometry.vote(statement, context), prior.vote(statement)]
        sink += combineVotes(statement, votes, ensemble.weights).verdict === 'true' ? 1 : 0
      }
      return sink
    },
  }
  const rows = Object.entries(timed).map(([name, pass]) => {
    const seconds = medianSeconds(rounds, pass)
    return {
      name,
      statementsPerS: cases.length / seconds,
      usPerStatement: (seconds * 1e6) / cases.length,
    }
  })
  return {
    statements: cases.length,
    withGroundTruthBoxes: withGroundTruth,
    rounds,
    weights: ensemble.weights.method,
    rows,
    checksum: sink,
  }
}
