/**
 * The language-prior voter: how often a relation is true for a subject category and for an object category in
 * the training captions, with no image. It never looks up the exact caption (subject, relation and object
 * together): VSR's random split repeats 1,666 of its 2,195 test captions word for word from training, and a
 * voter that memorised them would score by leaking labels, not by knowing anything. Pure TypeScript.
 */

import type { SpatialStatement } from './parseStatement'
import { voteFromProbability, type Vote, type Voter } from './voter'

/** True / total counts. */
export interface Tally {
  isTrue: number
  total: number
}

/** The fitted prior, saved as versioned JSON. */
export interface LanguagePriorData {
  version: 1
  /** Where it was fitted ("vsr random train"), for provenance. */
  fittedOn: string
  overall: Tally
  byRelation: Record<string, Tally>
  /** Key "relation|subject". */
  byRelationSubject: Record<string, Tally>
  /** Key "relation|object". */
  byRelationObject: Record<string, Tally>
}

/** One labelled training caption. */
export interface LabelledStatement {
  statement: SpatialStatement
  label: boolean
}

function add(table: Record<string, Tally>, key: string, label: boolean): void {
  const tally = (table[key] ??= { isTrue: 0, total: 0 })
  tally.total++
  if (label) tally.isTrue++
}

/** Count the training statements (negated captions count with their label inverted). */
export function fitLanguagePrior(
  lines: readonly LabelledStatement[],
  fittedOn: string,
): LanguagePriorData {
  const data: LanguagePriorData = {
    version: 1,
    fittedOn,
    overall: { isTrue: 0, total: 0 },
    byRelation: {},
    byRelationSubject: {},
    byRelationObject: {},
  }
  for (const { statement, label } of lines) {
    const truth = statement.isNegated ? !label : label
    data.overall.total++
    if (truth) data.overall.isTrue++
    add(data.byRelation, statement.relation, truth)
    add(data.byRelationSubject, `${statement.relation}|${statement.subject}`, truth)
    add(data.byRelationObject, `${statement.relation}|${statement.object}`, truth)
  }
  return data
}

/** Pseudo-counts pulling a sparse tally toward its parent rate (additive smoothing). */
export const PRIOR_STRENGTH = 4

function smoothed(tally: Tally | undefined, parent: number, strength = PRIOR_STRENGTH): number {
  if (!tally) return parent
  return (tally.isTrue + strength * parent) / (tally.total + strength)
}

const logit = (p: number): number => Math.log(p / (1 - p))
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
const clampP = (p: number): number => Math.min(0.99, Math.max(0.01, p))

/**
 * P(statement true) from the counts: the relation's rate, moved by what the subject and the object each say
 * about that relation (their log-odds offsets add, as in naive Bayes).
 */
export function priorProbability(data: LanguagePriorData, statement: SpatialStatement): number {
  const base = smoothed(data.overall, 0.5)
  const relation = clampP(smoothed(data.byRelation[statement.relation], base))
  const withSubject = clampP(
    smoothed(data.byRelationSubject[`${statement.relation}|${statement.subject}`], relation),
  )
  const withObject = clampP(
    smoothed(data.byRelationObject[`${statement.relation}|${statement.object}`], relation),
  )
  return sigmoid(
    logit(relation) +
      (logit(withSubject) - logit(relation)) +
      (logit(withObject) - logit(relation)),
  )
}

export class LanguagePriorVoter implements Voter {
  readonly id = 'language-prior'
  constructor(private readonly data: LanguagePriorData) {}

  vote(statement: SpatialStatement): Vote {
    const p = priorProbability(this.data, statement)
    const n = this.data.byRelation[statement.relation]?.total ?? 0
    return voteFromProbability(
      this.id,
      p,
      statement,
      `wording alone: "${statement.relation}" with ${statement.subject} / ${statement.object} is true ${Math.round(p * 100)} % of the time in ${this.data.fittedOn} (${n} captions with this relation)`,
    )
  }
}
