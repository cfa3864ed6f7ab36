import { randomUUID } from 'node:crypto'
import { LLM_HELP } from '../reasoning/orchestrator'
import type { SpatialService } from '../services/SpatialService'
import { analyzeFromArgs } from './loadFrameFromArgs'
import { callService, onServiceEvent, questionServiceOptions, withCliService } from './cliService'
import type { CliArgs } from './args'

/**
 * `spatial-lens ask`: the frame is analysed and asked about through the service, as in the app — `qa:ask` (the
 * question grammar, no LLM) or, with `--llm`, `qa:reason` (the chain-of-thought orchestrator pairing the LLM with
 * the spatial tools), printing each step as it happens (`--json`: the `qa:reason` reply).
 */
export async function runAskCommand(args: CliArgs, print: (text: string) => void): Promise<number> {
  return withCliService(questionServiceOptions(args), async (service) => {
    const { summary } = await analyzeFromArgs(service, args)
    if (args.llm) return askWithLlm(service, summary.sceneId, args, print)
    const answer = await callService(service, 'qa:ask', {
      sceneId: summary.sceneId,
      question: args.question!,
    })
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
  })
}

/** `qa:reason` with the steps printed as their `qa:step` events arrive; Ctrl+C sends `qa:cancel`. */
async function askWithLlm(
  service: SpatialService,
  sceneId: string,
  args: CliArgs,
  print: (text: string) => void,
): Promise<number> {
  const requestId = randomUUID()
  const stopListening = onServiceEvent(service, 'qa:step', ({ requestId: id, step }) => {
    if (id === requestId && !args.json) print(`[${step.kind}] ${step.text}`)
  })
  const cancel = () => void service.handle('qa:cancel', { requestId })
  process.once('SIGINT', cancel)
  try {
    const reply = await callService(service, 'qa:reason', {
      sceneId,
      question: args.question!,
      requestId,
    })
    if (args.json) print(JSON.stringify(reply, null, 2))
    else print(`\n${reply.answer}`)
    return reply.stopReason === 'final' || reply.stopReason === 'template' ? 0 : 3
  } finally {
    process.off('SIGINT', cancel)
    stopListening()
  }
}
