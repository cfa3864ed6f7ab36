import { answerQuestion } from '../../engine/answers/answerQuestion'
import { parseStatement } from '../../engine/ensemble/parseStatement'
import { vsrCaption } from '../../engine/ensemble/viltVoter'
import { answerSchema } from '../../contract/answerSchema'
import { verifyInScene } from '../../ensemble/verifyInScene'
import {
  recordFromAnswer,
  recordFromReasoning,
  recordFromVerification,
} from '../../measurements/measurementRecords'
import type { DomainHandlers, NamedScene } from './handlerTypes'
import {
  appendQuietly,
  keptScene,
  recordStamp,
  visionModelFor,
  type ServiceContext,
} from './serviceContext'

/** `qa:*`: questions about a kept scene (templates, SpatialEnsemble verdicts, the reasoning agent); each answer is logged. */
export function qaHandlers(ctx: ServiceContext): DomainHandlers<'qa'> {
  return {
    'qa:ask': async (input, client) => {
      // Parsed here (not only on the way out) because the log keeps the reply's shape; a failure is our bug.
      const answer = answerSchema.parse(
        answerQuestion(keptScene(ctx, client, input.sceneId).scene, input.question),
      )
      await appendQuietly(ctx, recordFromAnswer(answer, recordStamp(ctx, client, input.sceneId)))
      return answer
    },
    'qa:verify': async (input, client) => {
      const kept = keptScene(ctx, client, input.sceneId)
      const model = await visionModelFor(ctx, kept.provider)
      const llm = await ctx.reasoning.llmVoterAsk()
      const probabilityTrue = await classifyCaption(ctx, input.statement, kept)
      const verification = await verifyInScene(kept.scene, input.statement, {
        ...(model ? { vision: { model, image: kept.image } } : {}),
        ...(llm ? { llm } : {}),
        // Asked once, up front: null means vilt-vsr is not installed, and then there is no such voter.
        ...(probabilityTrue !== null ? { captionClassifier: async () => probabilityTrue } : {}),
      })
      await appendQuietly(
        ctx,
        recordFromVerification(verification, recordStamp(ctx, client, input.sceneId)),
      )
      return verification
    },
    'qa:reason': async (input, client) => {
      const kept = keptScene(ctx, client, input.sceneId)
      const vlm = await visionModelFor(ctx, kept.provider)
      const result = await ctx.reasoning.reason(kept, input, vlm)
      // A reasoned answer goes to the log with its chain of thought; runs that gave no answer do not.
      await appendQuietly(ctx, recordFromReasoning(result, recordStamp(ctx, client, input.sceneId)))
      return result
    },
    'qa:cancel': async (input) => ctx.reasoning.cancel(input.requestId),
  }
}

/** The ViLT VSR classifier's P(true) for the statement's VSR caption, or null (not installed, or unparsed). */
async function classifyCaption(
  ctx: ServiceContext,
  statement: string,
  kept: NamedScene,
): Promise<number | null> {
  const parsed = parseStatement(statement)
  if (!parsed || !ctx.executor.classifyRelation) return null
  return ctx.executor.classifyRelation({
    provider: kept.provider,
    image: kept.image,
    caption: vsrCaption(parsed),
  })
}
