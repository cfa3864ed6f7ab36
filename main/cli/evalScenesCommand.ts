import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { sceneEvalReportSchema } from '../contract/sceneEvalSchema'
import { formatSceneEval } from '../evaluation/scenes/formatSceneEval'
import { runSceneEval, SCENE_EVAL_DATASETS } from '../evaluation/scenes/runSceneEval'
import { packageRoot } from '../app/paths'
import { UserError } from '../app/userError'

export const EVAL_SCENES_USAGE = `npx spatial-lens eval scenes [--datasets LIST] [--sun-frames LIST] [--fixtures DIR] [--python PATH] [--no-open3d] [--json]
  Measures our 3D boxes against ground truth next to Open3D's plane + DBSCAN + box baseline on the same frames:
  SUN RGB-D (17 amodal boxes, region prompts from them), the synthetic tabletop (exact), and heights.
  LIST: comma-separated, datasets from ${SCENE_EVAL_DATASETS.join(', ')} ("synthetic" = all three);
  SUN RGB-D frames from 000001…000004. Without Open3D it says how to install it and prints our numbers.`

/** `spatial-lens eval scenes`: prints the accuracy tables, or the report as JSON (checked by its schema). */
export async function runEvalScenesCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(EVAL_SCENES_USAGE)
    return 0
  }
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        datasets: { type: 'string' },
        'sun-frames': { type: 'string' },
        fixtures: { type: 'string' },
        python: { type: 'string' },
        'no-open3d': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]}\n${EVAL_SCENES_USAGE}`)
  }
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  const root = packageRoot()
  const report = await runSceneEval({
    fixturesDir: values.fixtures ?? join(root, 'tests', 'fixtures'),
    benchDir: join(root, 'bench'),
    datasets: list(values.datasets),
    sunFrames: list(values['sun-frames']),
    python: values.python,
    isOpen3dSkipped: values['no-open3d'],
    onProgress: values.json ? undefined : (message) => process.stderr.write(`${message}\n`),
  })
  const checked = sceneEvalReportSchema.parse(report)
  print(values.json ? JSON.stringify(checked, null, 2) : formatSceneEval(checked))
  return 0
}
