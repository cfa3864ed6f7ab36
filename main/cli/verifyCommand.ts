import { analyzeFromArgs } from './loadFrameFromArgs'
import { callService, questionServiceOptions, withCliService } from './cliService'
import type { CliArgs } from './args'

/**
 * `spatial-lens verify`: SpatialEnsemble's verdict on a statement about the frame (`qa:verify` through the
 * service, as in the app), with every voter's vote, weight and reason (`--llm SPEC` adds the LLM reading the
 * scene graph as a voter; the ViLT VSR classifier and the vision-language model vote when installed).
 * Exit 0 for true, 1 for false, 3 when no voter could judge (scripts can branch on it).
 */
export async function runVerifyCommand(
  args: CliArgs,
  print: (text: string) => void,
): Promise<number> {
  const verification = await withCliService(questionServiceOptions(args), async (service) => {
    const { summary } = await analyzeFromArgs(service, args)
    return callService(service, 'qa:verify', {
      sceneId: summary.sceneId,
      statement: args.question!,
    })
  })
  if (args.json) {
    print(JSON.stringify(verification, null, 2))
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
