/**
 * `qa:verify` and `spatial-lens verify`: a statement about a scene judged by SpatialEnsemble with the shipped
 * weights, and, when installed, the vision-language model and the ViLT VSR classifier as more voters (they run
 * where the caller's models run: the scene worker in the hosts), and, when one is configured, the LLM reading the
 * scene graph.
 */

import { verificationSchema, type VerificationJson } from '../contract/verifySchema'
import { buildProvenance, toAnswerObject } from '../engine/answers/format'
import { LlmSceneVoter, VlmVoter, type AskModel } from '../engine/ensemble/askingVoters'
import { verifyStatement } from '../engine/ensemble/verifyStatement'
import { ViltVoter } from '../engine/ensemble/viltVoter'
import { VSR_RELATIONS } from '../engine/ensemble/vsrRelations'
import type { Voter } from '../engine/ensemble/voter'
import type { AuxiliaryMaps } from '../engine/maps/auxiliaryMaps'
import type { RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import type { RelationClassifier } from '../inference/models/viltVsr'
import { UserError } from '../app/userError'
import { loadEnsembleFile } from './ensembleFile'
import type { EnsembleFile } from '../contract/ensembleFileSchema'

let shipped: EnsembleFile | null = null

/** The shipped weights, read once. */
function ensemble(): EnsembleFile {
  shipped ??= loadEnsembleFile()
  return shipped
}

export interface VerifyOptions {
  /** The installed vision-language model and the frame's image, for the VLM voter. */
  vision?: { model: VisionLanguageModel; image: RgbImage; signal?: AbortSignal }
  /** The configured LLM, asked about the scene graph as text (the LLM scene voter). */
  llm?: { ask: AskModel }
  /** The installed ViLT-family VSR classifier (vilt-vsr) and the frame's image: one more voter ("vilt"). */
  classifier?: { model: RelationClassifier; image: RgbImage }
  /**
   * The same voter where the classifier runs elsewhere (the hosts' scene worker): P(caption holds) for the
   * statement's VSR caption (see vsrCaption).
   */
  captionClassifier?: (caption: string) => Promise<number>
  /** The frame's auxiliary maps (depth, world coordinates, edges, masks), handed to every voter's context. */
  maps?: AuxiliaryMaps
  /** Another weights file (tests, or weights the user fitted). */
  weights?: EnsembleFile
}

/** The voters besides the geometric ones, in vote order: VLM, LLM on the scene graph, ViLT (local, then remote). */
function modelVoters(options: VerifyOptions): Voter[] {
  const voters: Voter[] = []
  const vision = options.vision
  if (vision) {
    voters.push(
      new VlmVoter(
        async (question) =>
          (
            await vision.model.ask(vision.image, question, {
              maxNewTokens: 8,
              signal: vision.signal,
            })
          ).text,
      ),
    )
  }
  if (options.llm) voters.push(new LlmSceneVoter(options.llm.ask))
  const classifier = options.classifier
  if (classifier) {
    voters.push(
      new ViltVoter(
        async (caption) =>
          (await classifier.model.classify(classifier.image, caption)).probabilityTrue,
      ),
    )
  }
  if (options.captionClassifier) voters.push(new ViltVoter(options.captionClassifier))
  return voters
}

export async function verifyInScene(
  scene: Scene,
  statement: string,
  options: VerifyOptions = {},
): Promise<VerificationJson> {
  const file = options.weights ?? ensemble()
  const voters = modelVoters(options)
  const result = await verifyStatement(scene, statement, file, voters, options.maps)
  if (!result) {
    throw new UserError(
      `could not read a spatial statement in "${statement}": write it as "the <thing> is <relation> the <thing>", e.g. "the mug is left of the laptop" (relations: ${VSR_RELATIONS.slice(0, 12).join(', ')}, …)`,
    )
  }
  const judged = [result.subject, result.object].filter(
    (o): o is NonNullable<typeof o> => o !== null,
  )
  return verificationSchema.parse({
    statement,
    parsed: {
      subject: result.statement.subject,
      relation: result.statement.relation,
      metaCategory: result.statement.metaCategory,
      object: result.statement.object,
      isNegated: result.statement.isNegated,
    },
    verdict: result.verdict,
    confidence: result.confidence,
    scoreTrue: result.scoreTrue,
    text: result.text,
    votes: result.votes,
    objects: judged.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      judged,
      `SpatialEnsemble (${file.weights.method} weights): accuracy-weighted vote of ${result.votes.map((v) => v.voterId).join(', ')}`,
    ),
    geometry: {
      kind: 'highlight',
      names: judged.map((o) => o.name),
      primary: result.subject?.name ?? null,
    },
    weightsFrom: file.createdBy,
  })
}
