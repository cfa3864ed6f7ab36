/**
 * Voters that ask a model: the vision-language model gets the statement as a yes/no question about the image;
 * an LLM gets the scene graph as text (names, boxes in metres) and the same question. Both read the first
 * yes/no/true/false word of the reply and abstain on anything else (a model that rambles is not guessed at), or
 * when the call fails (timeout, server error).
 * The model calls are injected, so these stay pure. Pure TypeScript.
 */

import type { SceneObject } from '../types'
import type { SpatialStatement } from './parseStatement'
import { abstain, type Vote, type VoteContext, type Voter } from './voter'

/** Asks a model one question and resolves with its text reply. */
export type AskModel = (question: string, context: VoteContext) => Promise<string>

/** The statement as a yes/no question, in the positive form (negation is applied to the verdict). */
export function yesNoQuestion(statement: SpatialStatement): string {
  return `Is the ${statement.subject} ${statement.relation} the ${statement.object}? Answer yes or no.`
}

/** "yes" / "no" from the first word that decides, or null. */
export function readYesNo(reply: string): boolean | null {
  const m = /\b(yes|no|true|false|correct|incorrect)\b/i.exec(reply)
  if (!m) return null
  return ['yes', 'true', 'correct'].includes(m[1].toLowerCase())
}

/** Confidence of a model's bare yes/no: it gives no probability, so one fixed value, weighed by the ensemble. */
const MODEL_CONFIDENCE = 0.6

async function askVote(
  voterId: string,
  ask: AskModel,
  question: string,
  statement: SpatialStatement,
  context: VoteContext,
): Promise<Vote> {
  let reply: string
  try {
    reply = (await ask(question, context)).trim()
  } catch (error) {
    // A model that fails or times out costs its vote, never the verification.
    return abstain(voterId, `no reply: ${error instanceof Error ? error.message : String(error)}`)
  }
  const says = readYesNo(reply)
  if (says === null) return abstain(voterId, `no yes/no in the reply "${reply.slice(0, 80)}"`)
  const isTrue = statement.isNegated ? !says : says
  return {
    voterId,
    verdict: isTrue ? 'true' : 'false',
    confidence: MODEL_CONFIDENCE,
    reason: `asked "${question}", it replied "${reply.slice(0, 80)}"`,
  }
}

export class VlmVoter implements Voter {
  readonly id = 'vlm'
  constructor(private readonly ask: AskModel) {}

  vote(statement: SpatialStatement, context: VoteContext): Promise<Vote> {
    return askVote(this.id, this.ask, yesNoQuestion(statement), statement, context)
  }
}

const cm = (m: number): string => `${Math.round(m * 100)} cm`

/** The scene as lines an LLM can read: each object's name, centre (x right, y forward, z up) and size. */
export function sceneGraphText(objects: ReadonlyArray<SceneObject>): string {
  return objects
    .map(
      (o) =>
        `${o.name} (${o.label}): centre x ${cm(o.centerInWorld[0])}, y ${cm(o.centerInWorld[1])}, z ${cm(o.centerInWorld[2])}; ` +
        `${cm(o.sizeM.width)} wide, ${cm(o.sizeM.depth)} deep, ${cm(o.sizeM.height)} tall`,
    )
    .join('\n')
}

export class LlmSceneVoter implements Voter {
  readonly id = 'llm'
  constructor(private readonly ask: AskModel) {}

  vote(statement: SpatialStatement, context: VoteContext): Promise<Vote> | Vote {
    if (!context.sceneObjects?.length) return abstain(this.id, 'no 3D scene to describe')
    const question =
      `Objects in a room, world frame in metres (x to the right as the camera sees it, y away from the camera, z up):\n` +
      `${sceneGraphText(context.sceneObjects)}\n${yesNoQuestion(statement)}`
    return askVote(this.id, this.ask, question, statement, context)
  }
}
