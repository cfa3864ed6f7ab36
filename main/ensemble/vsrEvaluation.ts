/**
 * The VSR evaluation: every voter alone, then SpatialEnsemble with the paper's static weights (voters fitted on
 * train, weights from dev) and with k-fold cross-validated weights (out-of-fold votes over train + dev, shrunk
 * toward the meta-category), each scored on test, with the validation → test gap of both. Only training and dev
 * lines are ever used for fitting; test lines are only scored.
 */

import { combineVotes } from '../engine/ensemble/combineVotes'
import {
  fitEnsembleWeights,
  type EnsembleWeights,
  type ScoredVote,
} from '../engine/ensemble/ensembleWeights'
import { assignGroupedFolds, outOfFold } from '../engine/ensemble/kfold'
import {
  fitLanguagePrior,
  LanguagePriorVoter,
  type LanguagePriorData,
} from '../engine/ensemble/languagePrior'
import { scoreByMetaCategory, scoreVerdicts, type Score } from '../engine/ensemble/metrics'
import type { MetaCategory } from '../engine/ensemble/vsrRelations'
import { abstain, type Vote } from '../engine/ensemble/voter'
import { captionFlipBaseline } from './captionFlipBaseline'
import type { VsrItem } from './vsrDataset'

/** Votes of a voter that looks at images, keyed by `VsrItem.where`; an item without one is an abstention. */
export interface ImageVoterVotes {
  id: string
  votes: Map<string, Vote>
}

export interface ScoreWithMeta extends Score {
  byMeta: Partial<Record<MetaCategory, Score>>
}

export interface EnsembleResult {
  method: 'static' | 'kfold'
  /** Ensemble accuracy where its weights were measured (dev for static, out-of-fold train + dev for k-fold). */
  validation: ScoreWithMeta
  test: ScoreWithMeta
  /** validation.accuracy − test.accuracy. */
  gap: number
  weights: EnsembleWeights
}

export interface VsrEvaluation {
  counts: { train: number; dev: number; test: number; testWithImages: number }
  /** Each voter alone on test (image voters: on the test items they voted on or abstained on). */
  voters: Record<string, ScoreWithMeta>
  captionFlip: ScoreWithMeta
  ensembles: EnsembleResult[]
  /** The language prior fitted on train + dev (what the k-fold ensemble uses on test, and what the app saves). */
  finalPrior: LanguagePriorData
}

export interface VsrEvaluationOptions {
  train: VsrItem[]
  dev: VsrItem[]
  test: VsrItem[]
  imageVoters: ImageVoterVotes[]
  /**
   * Items to score, in validation and in test (default: all); e.g. only those with images, or only
   * full-quality ones. Weights are always fitted on every dev / train + dev item.
   */
  filter?: (item: VsrItem) => boolean
  folds?: number
  seed?: number
  shrinkage?: number
}

function withMeta(
  items: Array<{ metaCategory: MetaCategory; verdict: Vote['verdict']; label: boolean }>,
): ScoreWithMeta {
  return { ...scoreVerdicts(items), byMeta: scoreByMetaCategory(items) }
}

/** All votes on one item: the language prior's (from the given fit) and each image voter's. */
function votesOn(
  item: VsrItem,
  prior: LanguagePriorVoter,
  imageVoters: readonly ImageVoterVotes[],
): Vote[] {
  return [
    prior.vote(item.statement),
    ...imageVoters.map((v) => v.votes.get(item.where) ?? abstain(v.id, 'no image')),
  ]
}

function scoredVotes(item: VsrItem, votes: readonly Vote[]): ScoredVote[] {
  return votes.map((v) => ({
    voterId: v.voterId,
    relation: item.statement.relation,
    metaCategory: item.statement.metaCategory,
    verdict: v.verdict,
    label: item.label,
  }))
}

function ensembleScore(
  items: readonly VsrItem[],
  votes: readonly Vote[][],
  weights: EnsembleWeights,
  keep: (item: VsrItem) => boolean = () => true,
): ScoreWithMeta {
  const scored = items.flatMap((item, i) =>
    keep(item)
      ? [
          {
            metaCategory: item.statement.metaCategory,
            verdict: combineVotes(item.statement, votes[i], weights).verdict,
            label: item.label,
          },
        ]
      : [],
  )
  return withMeta(scored)
}

const fitPriorData = (items: readonly VsrItem[], name: string): LanguagePriorData =>
  fitLanguagePrior(
    items.map((i) => ({ statement: i.statement, label: i.label })),
    name,
  )
const fitPrior = (items: readonly VsrItem[], name: string) =>
  new LanguagePriorVoter(fitPriorData(items, name))

export function evaluateVsr(options: VsrEvaluationOptions): VsrEvaluation {
  const { train, dev, imageVoters } = options
  const keep = options.filter ?? (() => true)
  const test = options.test.filter(keep)
  const prior = fitPrior(train, 'the training split')
  const testVotes = test.map((item) => votesOn(item, prior, imageVoters))
  const voterIds = [prior.id, ...imageVoters.map((v) => v.id)]
  const voters: Record<string, ScoreWithMeta> = {}
  voterIds.forEach((id, k) => {
    voters[id] = withMeta(
      test.map((item, i) => ({
        metaCategory: item.statement.metaCategory,
        verdict: testVotes[i][k].verdict,
        label: item.label,
      })),
    )
  })
  const flip = captionFlipBaseline(train)
  const captionFlip = withMeta(
    test.map((item) => ({
      metaCategory: item.statement.metaCategory,
      verdict: flip(item.caption) ? 'true' : 'false',
      label: item.label,
    })),
  )
  const staticResult = staticEnsemble(dev, test, testVotes, prior, imageVoters, keep)
  const kfold = kfoldEnsemble(options, test, keep)
  return {
    counts: {
      train: train.length,
      dev: dev.length,
      test: test.length,
      testWithImages: test.filter((t) => imageVoters.some((v) => v.votes.has(t.where))).length,
    },
    voters,
    captionFlip,
    ensembles: [staticResult, kfold.result],
    finalPrior: kfold.finalPriorData,
  }
}

/** Static (paper): voters fitted on train (`prior`), weights from their accuracies on dev. */
function staticEnsemble(
  dev: readonly VsrItem[],
  test: readonly VsrItem[],
  testVotes: readonly Vote[][],
  prior: LanguagePriorVoter,
  imageVoters: readonly ImageVoterVotes[],
  keep: (item: VsrItem) => boolean,
): EnsembleResult {
  const devVotes = dev.map((item) => votesOn(item, prior, imageVoters))
  const weights = fitEnsembleWeights(
    dev.flatMap((item, i) => scoredVotes(item, devVotes[i])),
    { method: 'static', fittedOn: 'dev split (voters fitted on train)' },
  )
  const validation = ensembleScore(dev, devVotes, weights, keep)
  return ensembleResult('static', validation, ensembleScore(test, testVotes, weights), weights)
}

/** k-fold: out-of-fold votes over train + dev; the final prior is fitted on all of train + dev. */
function kfoldEnsemble(
  options: VsrEvaluationOptions,
  test: readonly VsrItem[],
  keep: (item: VsrItem) => boolean,
): { result: EnsembleResult; finalPriorData: LanguagePriorData } {
  const { imageVoters } = options
  const pool = [...options.train, ...options.dev]
  const k = options.folds ?? 5
  // Grouped by caption: a caption and its opposite-label twin never sit on both sides of a fold.
  const folds = assignGroupedFolds(
    pool.map((item) => item.caption.trim().toLowerCase()),
    k,
    options.seed ?? 1,
  )
  const oofVotes = outOfFold(pool, folds, k, (training) => {
    const foldPrior = fitPrior(training, 'the other folds')
    return (item) => votesOn(item, foldPrior, imageVoters)
  })
  const weights = fitEnsembleWeights(
    pool.flatMap((item, i) => scoredVotes(item, oofVotes[i])),
    {
      method: 'kfold',
      fittedOn: `${k}-fold out-of-fold votes over train + dev`,
      shrinkage: options.shrinkage,
    },
  )
  const finalPriorData = fitPriorData(pool, 'VSR train + dev captions')
  const finalPrior = new LanguagePriorVoter(finalPriorData)
  const testVotes = test.map((item) => votesOn(item, finalPrior, imageVoters))
  const validation = ensembleScore(pool, oofVotes, weights, keep)
  const result = ensembleResult(
    'kfold',
    validation,
    ensembleScore(test, testVotes, weights),
    weights,
  )
  return { result, finalPriorData }
}

function ensembleResult(
  method: EnsembleResult['method'],
  validation: ScoreWithMeta,
  test: ScoreWithMeta,
  weights: EnsembleWeights,
): EnsembleResult {
  return { method, validation, test, gap: validation.accuracy - test.accuracy, weights }
}
