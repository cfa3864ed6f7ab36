import { verifyInScene } from '../ensemble/verifyInScene'
import { perceiveAndBuild } from '../services/perceiveAndBuild'
import { perceptionFor } from '../perception/defaultPerception'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import type { CliArgs } from './args'

/**
 * `spatial-lens verify`: SpatialEnsemble's verdict on a statement about the frame, with every voter's vote,
 * weight and reason. Exit 0 for true, 1 for false, 3 when no voter could judge (scripts can branch on it).
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
