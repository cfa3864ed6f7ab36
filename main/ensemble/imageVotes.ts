/**
 * Votes of the voters that look at images, for the VSR evaluation: the geometric verifier on ground-truth COCO
 * boxes (the verifier measured apart from detection), on NanoDet-m's detections (what the app sees), and the
 * ViLT VSR classifier on the pixels when the user installed it.
 */

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GeometricVerifier } from '../engine/ensemble/geometricVerifier'
import type { LabelledBox2d, Vote } from '../engine/ensemble/voter'
import { ViltVoter } from '../engine/ensemble/viltVoter'
import type { RelationClassifier } from '../inference/models/viltVsr'
import { decodeColorImage } from '../sources/colorImage'
import { detectInImage } from '../frames/detectInImage'
import type { BoxesByImage } from './cocoBoxes'
import type { ImageVoterVotes } from './vsrEvaluation'
import type { VsrItem } from './vsrDataset'

export function groundTruthBoxVotes(
  items: readonly VsrItem[],
  boxes: BoxesByImage,
  id = 'geometry-gt-boxes',
): ImageVoterVotes {
  const verifier = new GeometricVerifier(id)
  const votes = new Map<string, Vote>()
  for (const item of items) {
    const boxes2d = boxes.get(item.image)
    if (boxes2d) votes.set(item.where, verifier.vote(item.statement, { boxes2d }))
  }
  return { id, votes }
}

/** NanoDet's detections per image file present in `imagesDir`, normalised to [0, 1]. */
export async function detectImages(
  imageNames: readonly string[],
  imagesDir: string,
  onProgress: (done: number, total: number) => void,
): Promise<BoxesByImage> {
  const present = [...new Set(imageNames)].filter((name) => existsSync(join(imagesDir, name)))
  const out: BoxesByImage = new Map()
  for (const [index, name] of present.entries()) {
    const result = await detectInImage({ image: readFileSync(join(imagesDir, name)), name })
    const boxes: LabelledBox2d[] = result.detections.map((d) => ({
      label: d.label,
      score: d.score,
      box: [
        d.box[0] / result.width,
        d.box[1] / result.height,
        d.box[2] / result.width,
        d.box[3] / result.height,
      ],
    }))
    out.set(name, boxes)
    onProgress(index + 1, present.length)
  }
  return out
}

/** Image quality from a manifest.tsv beside the images (tests/fixtures/vsr-images has one): "full" or "resized". */
export function readImageQuality(imagesDir: string): Map<string, string> {
  const path = join(imagesDir, '..', 'manifest.tsv')
  const alt = join(imagesDir, 'manifest.tsv')
  const file = existsSync(path) ? path : existsSync(alt) ? alt : null
  const out = new Map<string, string>()
  if (!file) return out
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n')
  const columns = header.split('\t')
  const imageAt = columns.indexOf('image')
  const qualityAt = columns.indexOf('quality')
  if (imageAt < 0 || qualityAt < 0) return out
  for (const row of rows) {
    const cells = row.split('\t')
    out.set(cells[imageAt], cells[qualityAt])
  }
  return out
}

/**
 * The ViLT VSR classifier's vote on every item whose image is in `imagesDir` (one decode per image, one run per
 * caption). The classifier reads the caption as VSR wrote it, so it never sees our parse of it.
 */
export async function viltVotes(
  items: readonly VsrItem[],
  imagesDir: string,
  classifier: RelationClassifier,
  onProgress: (done: number, total: number) => void,
  id = 'vilt',
): Promise<ImageVoterVotes> {
  const byImage = new Map<string, VsrItem[]>()
  for (const item of items) {
    if (!existsSync(join(imagesDir, item.image))) continue
    byImage.set(item.image, [...(byImage.get(item.image) ?? []), item])
  }
  const votes = new Map<string, Vote>()
  let done = 0
  const total = [...byImage.values()].reduce((n, list) => n + list.length, 0)
  for (const [name, list] of byImage) {
    const rgb = await decodeColorImage(readFileSync(join(imagesDir, name)), name)
    const voter = new ViltVoter(
      async (caption) => (await classifier.classify(rgb, caption)).probabilityTrue,
      id,
    )
    for (const item of list) {
      votes.set(item.where, await voter.vote(item.statement, {}))
      onProgress(++done, total)
    }
  }
  return { id, votes }
}
