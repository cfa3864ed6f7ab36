import { perceiveAndBuild } from '../services/perceiveAndBuild'
import { answerQuestion } from '../engine/answers/answerQuestion'
import { answerSchema } from '../contract/answerSchema'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import type { CliArgs } from './args'

/** `spatial-lens ask`: one template question over the frame's scene, answered with no LLM. */
export async function runAskCommand(args: CliArgs, print: (text: string) => void): Promise<number> {
  const { frame, regions } = await loadFrameFromArgs(args)
  const { scene } = await perceiveAndBuild(frame, regions, args.perception)
  const answer = answerSchema.parse(answerQuestion(scene, args.question!))
  if (args.json) {
    print(JSON.stringify(answer, null, 2))
  } else {
    print(answer.text)
    if (answer.objects.length > 0) print(`(objects: ${answer.objects.map((o) => o.name).join(', ')}; ${answer.provenance.method})`)
  }
  // A question we could not answer is not a crash, but scripts should be able to tell.
  return answer.value === null ? 3 : 0
}
