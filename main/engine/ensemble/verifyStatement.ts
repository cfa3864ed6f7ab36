/**
 * "Verify this spatial statement about my scene, and tell me how sure you are": parse it, collect every voter's
 * vote (the geometric verifier in 3D and on the objects' 2D boxes, the language prior, and any model voters
 * given), and combine them with SpatialEnsemble's weights. Pure TypeScript.
 */

import { pixelBoundingBox } from '../perception/imageCrop'
import type { Scene, SceneObject } from '../types'
import { combineVotes, type EnsembleVerdict } from './combineVotes'
import type { EnsembleWeights } from './ensembleWeights'
import { didYouMeanNote, GeometricVerifier, pickSceneObjects } from './geometricVerifier'
import { LanguagePriorVoter, type LanguagePriorData } from './languagePrior'
import { parseStatement, type SpatialStatement } from './parseStatement'
import type { AuxiliaryMaps } from '../maps/auxiliaryMaps'
import type { LabelledBox2d, Voter } from './voter'

export interface EnsembleData {
  languagePrior: LanguagePriorData
  weights: EnsembleWeights
}

export interface StatementVerification extends EnsembleVerdict {
  statement: SpatialStatement
  /** The scene objects the statement was judged on (null: not found). */
  subject: SceneObject | null
  object: SceneObject | null
  /** One line: verdict, confidence and the statement. */
  text: string
}

/** The objects' 2D boxes (bounds of their pixels), normalised to the image, for the 2.5D rules. */
export function boxesOfScene(scene: Scene): LabelledBox2d[] {
  const { width, height } = scene.intrinsics
  return scene.objects.flatMap((o) => {
    const bounds = pixelBoundingBox(o.pixelIndices, width)
    if (!bounds) return []
    const [x0, y0, x1, y1] = bounds
    return [
      {
        label: o.name,
        box: [x0 / width, y0 / height, x1 / width, y1 / height] as [number, number, number, number],
        score: 1,
      },
    ]
  })
}

const pct = (p: number): string => `${Math.round(p * 100)} %`

/** Throws nothing for an unreadable statement: returns null, and the caller says what it could not read. */
export async function verifyStatement(
  scene: Scene,
  text: string,
  ensemble: EnsembleData,
  modelVoters: readonly Voter[] = [],
  maps?: AuxiliaryMaps,
): Promise<StatementVerification | null> {
  const statement = parseStatement(text)
  if (!statement) return null
  const context = {
    sceneObjects: scene.objects,
    boxes2d: boxesOfScene(scene),
    ...(maps ? { maps } : {}),
  }
  const voters: Voter[] = [
    new GeometricVerifier('geometry'),
    new LanguagePriorVoter(ensemble.languagePrior),
    ...modelVoters,
  ]
  const votes = await Promise.all(voters.map((v) => v.vote(statement, context)))
  const verdict = combineVotes(statement, votes, ensemble.weights)
  const { subject, object } = pickSceneObjects(statement, scene.objects)
  const said = `the ${statement.subject} is ${statement.isNegated ? 'not ' : ''}${statement.relation} the ${statement.object}`
  const lead =
    verdict.verdict === 'abstain'
      ? `Cannot tell whether ${said}`
      : `${verdict.verdict === 'true' ? 'True' : 'False'} (${pct(verdict.confidence)}): ${said}`
  const missing = [subject ? null : statement.subject, object ? null : statement.object].filter(
    (n): n is string => n !== null,
  )
  const note = missing.length
    ? ` — no "${missing.join('" or "')}" in this scene${missing.map((n) => didYouMeanNote(scene.objects, n)).join('')}, so geometry could not judge`
    : ''
  return { ...verdict, statement, subject, object, text: `${lead}${note}.` }
}
