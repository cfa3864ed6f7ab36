import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { vsrEvalReportSchema } from '../contract/vsrEvalSchema'
import { readGroundTruthBoxes } from '../ensemble/cocoBoxes'
import { makeEnsembleFile, saveEnsembleFile } from '../ensemble/ensembleFile'
import { formatVsrReport } from '../ensemble/formatVsrReport'
import {
  detectImages,
  groundTruthBoxVotes,
  readImageQuality,
  viltVotes,
} from '../ensemble/imageVotes'
import { perceptionFor } from '../perception/defaultPerception'
import { PAPER_ROWS } from '../ensemble/paperResults'
import { readVsrPart, type VsrItem, type VsrSplit } from '../ensemble/vsrDataset'
import { evaluateVsr, type ImageVoterVotes } from '../ensemble/vsrEvaluation'
import { packageRoot } from '../app/paths'
import { UserError } from '../app/userError'

export const EVAL_VSR_USAGE = `npx spatial-lens eval vsr --split random|zeroshot [--images DIR] [--boxes FILE] [--voters LIST] [--vsr DIR] [--folds K] [--seed N] [--save FILE] [--json]
  Verifies VSR captions with each voter and with SpatialEnsemble (static and k-fold weights), fitted on the
  training lines only, and prints accuracy / F1 per meta-category beside the Spatial-ViLT paper's numbers.
  --images: a folder of COCO-2017 images (file names as in VSR, e.g. 000000239417.jpg); without it only the
  text voters run. --boxes: COCO instance annotations or a coco_boxes.json, for the verifier on true boxes.
  --voters: comma list of language-prior, geometry-gt-boxes, geometry-nanodet, vilt (default: all that can run;
  vilt needs the ViLT VSR classifier installed: spatial-lens models info vilt-vsr).
  --save: write the k-fold ensemble (prior + weights) as the app's versioned weights file.`

const ALL_VOTERS = ['language-prior', 'geometry-gt-boxes', 'geometry-nanodet', 'vilt']

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        split: { type: 'string', default: 'zeroshot' },
        images: { type: 'string' },
        boxes: { type: 'string' },
        voters: { type: 'string' },
        vsr: { type: 'string' },
        folds: { type: 'string', default: '5' },
        seed: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        save: { type: 'string' },
      },
    }).values
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]}\n${EVAL_VSR_USAGE}`)
  }
}

function progressBar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30
    const filled = Math.round((done / total) * width)
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    )
  }
}

type Values = ReturnType<typeof options>

/** The split, folds, seed and voters asked for, checked. @throws UserError for a bad value or missing folder. */
function checkedSettings(values: Values): {
  split: VsrSplit
  folds: number
  seed: number
  voters: string[]
} {
  const split = values.split
  if (split !== 'random' && split !== 'zeroshot')
    throw new UserError(`--split must be random or zeroshot (got "${split}")`)
  const folds = Number(values.folds)
  if (!Number.isInteger(folds) || folds < 2 || folds > 20)
    throw new UserError(`--folds must be a whole number from 2 to 20 (got "${values.folds}")`)
  const seed = Number(values.seed)
  if (!Number.isInteger(seed))
    throw new UserError(`--seed must be a whole number (got "${values.seed}")`)
  const voters = values.voters ? values.voters.split(',').map((v) => v.trim()) : ALL_VOTERS
  const unknown = voters.filter((v) => !ALL_VOTERS.includes(v))
  if (unknown.length)
    throw new UserError(`unknown voter "${unknown[0]}"; voters: ${ALL_VOTERS.join(', ')}`)
  if (values.images && !existsSync(values.images)) {
    throw new UserError(
      `image folder not found: ${values.images} (point --images at a folder of COCO-2017 images, e.g. train2017/ and val2017/ merged, or tests/fixtures/vsr-images/images)`,
    )
  }
  return { split, folds, seed, voters }
}

/** Votes of the image voters that can run (true boxes, NanoDet boxes, ViLT) on every item. */
async function imageVotersFor(
  all: VsrItem[],
  values: Values,
  voters: string[],
): Promise<ImageVoterVotes[]> {
  const imageVoters: ImageVoterVotes[] = []
  if (voters.includes('geometry-gt-boxes') && values.boxes)
    imageVoters.push(groundTruthBoxVotes(all, readGroundTruthBoxes(values.boxes)))
  if (voters.includes('geometry-nanodet') && values.images) {
    const detected = await detectImages(
      all.map((i) => i.image),
      values.images,
      progressBar('NanoDet-m on the images'),
    )
    imageVoters.push(groundTruthBoxVotes(all, detected, 'geometry-nanodet'))
  }
  if (voters.includes('vilt') && values.images) {
    const classifier = await perceptionFor().relationClassifier()
    if (classifier) {
      imageVoters.push(
        await viltVotes(
          all,
          values.images,
          classifier,
          progressBar('ViLT VSR classifier on the captions'),
        ),
      )
    } else if (values.voters) {
      // Asked for by name but not installed: say how to get it rather than silently leaving it out.
      await perceptionFor().requireRelationClassifier()
    }
  }
  return imageVoters
}

interface Subset {
  name: string
  filter?: (item: VsrItem) => boolean
  imageVoters: ImageVoterVotes[]
}

/** The test-line subsets scored: all lines text only, then (with image votes) those lines by image quality. */
function scoredSubsets(imageVoters: ImageVoterVotes[], quality: Map<string, string>): Subset[] {
  const hasImageVote = (item: VsrItem) => imageVoters.some((v) => v.votes.has(item.where))
  // Every test line, text only: image voters would abstain on the lines without an image and drag the scores down.
  const subsets: Subset[] = [{ name: 'all test lines, text only', imageVoters: [] }]
  if (imageVoters.length > 0) {
    subsets.push({ name: 'test lines with an image vote', filter: hasImageVote, imageVoters })
    if (quality.size > 0) {
      subsets.push({
        name: 'with images, full quality',
        filter: (i) => hasImageVote(i) && quality.get(i.image) === 'full',
        imageVoters,
      })
      subsets.push({
        name: 'with images, squashed to 256 px',
        filter: (i) => hasImageVote(i) && quality.get(i.image) === 'resized',
        imageVoters,
      })
    }
  }
  return subsets
}

/** `spatial-lens eval vsr`. */
export async function runEvalVsrCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  const values = options(argv)
  const { split, folds, seed, voters } = checkedSettings(values)
  const vsrDir = values.vsr ?? join(packageRoot(), 'tests', 'fixtures', 'vsr')
  const [train, dev, test] = (['train', 'dev', 'test'] as const).map((part) =>
    readVsrPart(vsrDir, split, part),
  )
  const all = [...train, ...dev, ...test]
  const imageVoters = await imageVotersFor(all, values, voters)
  if (!values.images && !values.boxes && !values.json) {
    print(
      'No --images or --boxes: only the language prior runs. Point --images at a COCO-2017 image folder (and --boxes at its instance annotations) to run the geometric verifier.',
    )
  }
  const quality = values.images ? readImageQuality(values.images) : new Map<string, string>()
  const report = {
    split,
    voters: ['language-prior', ...imageVoters.map((v) => v.id)],
    // A subset with no test line (e.g. no full-quality image among the test lines) has no score to print.
    subsets: scoredSubsets(imageVoters, quality)
      .filter(({ filter }) => !filter || test.some(filter))
      .map(({ name, filter, imageVoters: subsetVoters }) => {
        const result = evaluateVsr({
          train,
          dev,
          test,
          imageVoters: subsetVoters,
          filter,
          folds,
          seed,
        })
        return {
          subset: name,
          counts: result.counts,
          voters: result.voters,
          captionFlip: result.captionFlip,
          ensembles: result.ensembles.map(({ weights: _w, ...e }) => e),
        }
      }),
    paper: [...PAPER_ROWS],
  }
  if (values.save) {
    const fitted = evaluateVsr({ train, dev, test, imageVoters, folds, seed })
    const kfold = fitted.ensembles.find((e) => e.method === 'kfold')!
    const command = `npx spatial-lens eval vsr ${argv.filter((a) => a !== '--json').join(' ')}`
    saveEnsembleFile(values.save, makeEnsembleFile(fitted.finalPrior, kfold.weights, command))
    if (!values.json)
      print(
        `saved the k-fold ensemble (language prior on ${split} train + dev, weights from ${folds}-fold out-of-fold votes) to ${values.save}`,
      )
  }
  // Scores of empty subsets are NaN; JSON says null for them, and the schema reads null as "nothing to score".
  const checked = vsrEvalReportSchema.parse(JSON.parse(JSON.stringify(report)))
  print(values.json ? JSON.stringify(checked) : formatVsrReport(checked))
  return 0
}
