/**
 * Saving and loading the SpatialEnsemble the app uses (models/ensemble/spatial-ensemble.json): the language prior
 * and the k-fold weights of an `eval vsr` run. The geometric verifier measured on ground-truth boxes is saved as
 * the app's "geometry" voter: in the app it judges the objects the user or the detector gave.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ensembleFileSchema, type EnsembleFile } from '../contract/ensembleFileSchema'
import type { EnsembleWeights } from '../engine/ensemble/ensembleWeights'
import type { LanguagePriorData } from '../engine/ensemble/languagePrior'
import { packageRoot } from '../app/paths'
import { UserError } from '../app/userError'

/** Voter ids of an evaluation → the app's voter ids; voters not listed are not saved. */
const SAVED_VOTERS: Readonly<Record<string, string>> = {
  'language-prior': 'language-prior',
  'geometry-gt-boxes': 'geometry',
}

function renameVoters<T>(table: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [id, value] of Object.entries(table))
    if (SAVED_VOTERS[id]) out[SAVED_VOTERS[id]] = value
  return out
}

export function makeEnsembleFile(
  prior: LanguagePriorData,
  weights: EnsembleWeights,
  createdBy: string,
): EnsembleFile {
  return ensembleFileSchema.parse({
    format: 'spatial-lens-ensemble',
    version: 1,
    createdBy,
    languagePrior: prior,
    weights: {
      ...weights,
      byMeta: renameVoters(weights.byMeta),
      byRelation: renameVoters(weights.byRelation),
    },
  })
}

/** Atomic write (temporary file + rename), so a crash never leaves half a weights file. */
export function saveEnsembleFile(path: string, file: EnsembleFile): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(file, null, 1)}\n`)
  renameSync(temp, path)
}

export const DEFAULT_ENSEMBLE_PATH = (): string =>
  join(packageRoot(), 'models', 'ensemble', 'spatial-ensemble.json')

export function loadEnsembleFile(path = DEFAULT_ENSEMBLE_PATH()): EnsembleFile {
  if (!existsSync(path)) {
    throw new UserError(
      `the SpatialEnsemble weights are missing (${path}); make them with \`npx spatial-lens eval vsr --split zeroshot --boxes tests/fixtures/vsr-images/coco_boxes.json --save ${path}\``,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(
      `the SpatialEnsemble weights file ${path} is not JSON (${(error as Error).message}); make it again with \`npx spatial-lens eval vsr … --save\``,
    )
  }
  const parsed = ensembleFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(
      `the SpatialEnsemble weights file ${path} is not a version-1 ensemble (${issue.path.join('.')}: ${issue.message}); make it again with \`npx spatial-lens eval vsr … --save\``,
    )
  }
  return parsed.data
}
