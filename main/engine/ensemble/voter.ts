/**
 * One interface for every relation-verification voter (geometric verifier, language prior, VLM, LLM, ONNX
 * classifiers): a statement in, a verdict with its confidence and reason out. Pure TypeScript.
 */

import type { AuxiliaryMaps } from '../maps/auxiliaryMaps'
import type { SceneObject } from '../types'
import type { SpatialStatement } from './parseStatement'

export type Verdict = 'true' | 'false' | 'abstain'

export interface Vote {
  /** Which voter cast it (e.g. "geometry", "language-prior"). */
  voterId: string
  verdict: Verdict
  /** How sure the voter is of its verdict, in [0.5, 1] (0.5 for an abstention). */
  confidence: number
  /** One readable line: what the voter looked at. */
  reason: string
}

/** What a voter may look at besides the statement; each voter reads what it needs and abstains without it. */
export interface VoteContext {
  /** Axis-aligned 2D boxes in normalised image coordinates [x0, y0, x1, y1] ∈ [0, 1], with labels. */
  boxes2d?: ReadonlyArray<LabelledBox2d>
  /** Image width / height of the original image, for metric comparisons in pixels (squashed images differ). */
  aspectRatio?: number
  /** A lifted 3D scene (sensor or model depth): the geometric verifier then judges in metres. */
  sceneObjects?: ReadonlyArray<SceneObject>
  /** Spatial-ViLT's auxiliary maps of the frame (depth, world coordinates, Canny edges, object masks). */
  maps?: AuxiliaryMaps
}

export interface LabelledBox2d {
  label: string
  /** Normalised [x0, y0, x1, y1]: x right, y down, 0…1. */
  box: [number, number, number, number]
  /** Detector score (1 for ground truth). */
  score: number
}

export interface Voter {
  readonly id: string
  vote(statement: SpatialStatement, context: VoteContext): Vote | Promise<Vote>
}

export function abstain(voterId: string, reason: string): Vote {
  return { voterId, verdict: 'abstain', confidence: 0.5, reason }
}

/** A vote from a probability that the statement (as parsed, before negation) is true. */
export function voteFromProbability(
  voterId: string,
  probabilityTrue: number,
  statement: SpatialStatement,
  reason: string,
): Vote {
  const p = statement.isNegated ? 1 - probabilityTrue : probabilityTrue
  return p >= 0.5
    ? { voterId, verdict: 'true', confidence: p, reason }
    : { voterId, verdict: 'false', confidence: 1 - p, reason }
}
