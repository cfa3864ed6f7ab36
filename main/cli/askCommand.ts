import { answerQuestion } from '../engine/answers/answerQuestion'
import { LLM_HELP } from '../reasoning/orchestrator'
import { createChatModel, parseLlmSpec } from '../reasoning/connectors'
import { contract } from '../contract/channels'
import { reasonReply } from '../services/ReasoningService'
import type { Scene, Frame } from '../engine/types'
import { perceiveAndBuild } from '../frames/perceiveAndBuild'
import { perceptionFor } from '../perception/defaultPerception'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import { withRobotFrames } from '../engine/tf/robotFrames'
import type { CliArgs } from './args'

/**
 * `spatial-lens ask`: template questions are answered by the deterministic parser (no LLM);
 * with `--llm`, the chain-of-thought orchestrator pairs the LLM with the spatial tools, printing
 * each step as it happens (`--json`: the whole trace, the `qa:reason` reply's shape).
 */
export async function runAskCommand(args: CliArgs, print: (text: string) => void): Promise<number> {
  const { frame, regions, robot } = await loadFrameFromArgs(args)
  const built = await perceiveAndBuild(frame, regions, args.perception)
  // A recording's TF frames become references ("how far is the gripper from the mug").
  const scene = robot ? withRobotFrames(built.scene, robot) : built.scene
  if (args.llm) return askWithLlm(scene, built.frame, args, print)
  // The `qa:ask` reply's shape, checked against its schema.
  const answer = contract['qa:ask'].output.parse(answerQuestion(scene, args.question!))
  if (args.json) {
    print(JSON.stringify(answer, null, 2))
  } else {
    print(answer.text)
    if (answer.kind === 'unsupported') print(LLM_HELP)
    if (answer.objects.length > 0)
      print(
        `(objects: ${answer.objects.map((o) => o.name).join(', ')}; ${answer.provenance.method})`,
      )
  }
  // A question we could not answer is not a crash, but scripts should be able to tell.
  return answer.value === null ? 3 : 0
}

async function askWithLlm(
  scene: Scene,
  frame: Frame,
  args: CliArgs,
  print: (text: string) => void,
): Promise<number> {
  const connection = createChatModel(parseLlmSpec(args.llm!), { threads: args.llmThreads })
  // Visual questions go to the installed vision-language model; without one the LLM is told they cannot be answered.
  const vlm =
    args.vlm === 'auto' ? await perceptionFor(args.perception.provider).visionModel() : undefined
  const controller = new AbortController()
  const cancel = () => controller.abort(new Error('cancelled by the user'))
  process.once('SIGINT', cancel)
  try {
    // The same reply as the `qa:reason` channel, built by the same function and checked against its schema.
    const reply = contract['qa:reason'].output.parse(
      await reasonReply({ scene, depth: frame.depth, image: frame.rgb }, args.question!, {
        connection,
        vlm,
        signal: controller.signal,
        onStep: args.json ? undefined : (step) => print(`[${step.kind}] ${step.text}`),
      }),
    )
    if (args.json) print(JSON.stringify(reply, null, 2))
    else print(`\n${reply.answer}`)
    return reply.stopReason === 'final' || reply.stopReason === 'template' ? 0 : 3
  } finally {
    process.off('SIGINT', cancel)
  }
}
