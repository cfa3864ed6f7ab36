import { HumanMessage } from '@langchain/core/messages'
import { verifyInScene } from '../ensemble/verifyInScene'
import { contract } from '../contract/channels'
import { createChatModel, parseLlmSpec } from '../reasoning/connectors'
import { VERIFY_LLM_LIMIT_S } from '../services/ReasoningService'
import { perceiveAndBuild } from '../frames/perceiveAndBuild'
import { perceptionFor } from '../perception/defaultPerception'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import type { CliArgs } from './args'

/** `--llm SPEC` as the LLM scene voter's asker: one question, cut off after {@link VERIFY_LLM_LIMIT_S} s. */
function llmAsker(args: CliArgs): (question: string) => Promise<string> {
  const { model } = createChatModel(parseLlmSpec(args.llm!), { threads: args.llmThreads })
  return async (question) =>
    (
      await model.invoke([new HumanMessage(question)], {
        signal: AbortSignal.timeout(VERIFY_LLM_LIMIT_S * 1000),
      })
    ).text
}

/**
 * `spatial-lens verify`: SpatialEnsemble's verdict on a statement about the frame, with every voter's vote,
 * weight and reason (`--llm SPEC` adds the LLM reading the scene graph as a voter). Exit 0 for true, 1 for false, 3 when no voter could judge (scripts can branch on it).
 */
export async function runVerifyCommand(
  args: CliArgs,
  print: (text: string) => void,
): Promise<number> {
  const { frame, regions } = await loadFrameFromArgs(args)
  const built = await perceiveAndBuild(frame, regions, args.perception)
  const model =
    args.vlm === 'auto' ? await perceptionFor(args.perception.provider).visionModel() : undefined
  // The ViLT VSR classifier votes whenever the user installed it (absent otherwise: nothing to configure).
  const classifier = await perceptionFor(args.perception.provider).relationClassifier()
  const verification = await verifyInScene(built.scene, args.question!, {
    ...(model ? { vision: { model, image: built.frame.rgb } } : {}),
    ...(classifier ? { classifier: { model: classifier, image: built.frame.rgb } } : {}),
    ...(args.llm ? { llm: { ask: llmAsker(args) } } : {}),
  })
  if (args.json) {
    // The `qa:verify` reply's shape, checked against its schema.
    print(JSON.stringify(contract['qa:verify'].output.parse(verification), null, 2))
  } else {
    print(verification.text)
    for (const v of verification.votes) {
      const weight =
        v.verdict === 'abstain'
          ? 'abstains'
          : `weight ${Math.round(v.weight * 100)} % (accuracy ${Math.round(v.accuracy * 100)} %)`
      print(`  ${v.voterId.padEnd(15)} ${v.verdict.padEnd(8)} ${weight}: ${v.reason}`)
    }
  }
  return verification.verdict === 'true' ? 0 : verification.verdict === 'false' ? 1 : 3
}
