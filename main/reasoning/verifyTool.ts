/**
 * The verify_relation tool: a relational claim ("the mug is left of the laptop") judged by SpatialEnsemble (the
 * geometric verifier, the language prior, and the vision-language model when the frame has one), so an answer can
 * check its own claims. A thin wrapper over main/ensemble/verifyInScene; no geometry here.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import { verifyInScene, type VerifyOptions } from '../ensemble/verifyInScene'
import type { RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import { r4, safeAsync } from './toolSupport'

/** What verify_relation may also ask: the frame's vision-language model and image (one more voter). */
export interface VerifyToolOptions {
  vlm?: VisionLanguageModel
  image?: RgbImage
  signal?: AbortSignal
}

/** The tool's reply: the verdict, the ensemble's confidence (0.5…1) and each vote with its weight and reason. */
export async function verifyRelation(
  scene: Scene,
  statement: string,
  options: VerifyToolOptions = {},
): Promise<object> {
  const verifyOptions: VerifyOptions =
    options.vlm && options.image
      ? { vision: { model: options.vlm, image: options.image, signal: options.signal } }
      : {}
  const v = await verifyInScene(scene, statement, verifyOptions)
  return {
    statement: v.statement,
    relation: v.parsed.relation,
    negated: v.parsed.isNegated,
    verdict: v.verdict,
    confidence: r4(v.confidence),
    summary: v.text,
    objects: v.objects.map((o) => o.name),
    votes: v.votes.map((vote) => ({
      voter: vote.voterId,
      vote: vote.verdict,
      confidence: r4(vote.confidence),
      weight: r4(vote.weight),
      reason: vote.reason,
    })),
  }
}

export function createVerifyTool(
  scene: Scene,
  options: VerifyToolOptions = {},
): StructuredToolInterface {
  return tool(
    safeAsync((i: { statement: string }) => verifyRelation(scene, i.statement, options)),
    {
      name: 'verify_relation',
      description:
        'Check a spatial claim about two objects before stating it, e.g. "the mug is left of the laptop" or "the book is not on the table". ' +
        'Returns verdict (true / false / abstain), confidence (0.5–1) and each voter (geometry, language prior, image model) with its weight and reason.',
      schema: z.object({
        statement: z
          .string()
          .min(1)
          .max(500)
          .describe('one sentence: "the <object> is [not] <relation> the <object>"'),
      }),
    },
  )
}
