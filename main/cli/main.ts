import { parseCliArgs } from './args'
import { USAGE } from './usage'
import { runModelsCommand } from './modelsCommand'
import { runEvalCommand } from './evalCommand'
import { runCalibrateCommand } from './calibrateCommand'
import { runLogCommand } from './logCommand'
import { runTopicsCommand } from './topicsCommand'
import { runSceneCommand } from './sceneCommand'
import { runAskCommand } from './askCommand'
import { runVerifyCommand } from './verifyCommand'
import { runServeCommand } from './serveCommand'
import { runFleetSynthCommand } from './fleetSynthCommand'
import { runWorkerCommand } from './workerCommand'
import { FLEET_USAGE } from './fleetArgs'
import { runSynthCommand } from './synthCommand'
import { runMapsCommand } from './mapsCommand'
import { runWatchCommand } from './watchCommand'
import { isUserError, userFacingMessage } from '../app/userError'

/**
 * CLI entry (`npx spatial-lens …`). Thin: parse, call the services, print. Every failure is one
 * `error: …` line and a non-zero exit; stacks only with SPATIAL_LENS_DEBUG=1.
 */
async function main(argv: string[]): Promise<number> {
  const print = (text: string) => process.stdout.write(`${text}\n`)
  if (argv[0] === 'models') return runModelsCommand(argv.slice(1), print)
  if (argv[0] === 'eval') return runEvalCommand(argv.slice(1), print)
  if (argv[0] === 'calibrate') return runCalibrateCommand(argv.slice(1), print)
  if (argv[0] === 'log') return runLogCommand(argv.slice(1), print)
  // The fleet forms of synth (BullMQ over Redis) and the fleet's worker.
  if (
    argv[0] === 'synth' &&
    argv.some((a) => a === '--queue' || a.startsWith('--queue=') || a === '--status')
  ) {
    return runFleetSynthCommand(argv.slice(1), print)
  }
  if (argv[0] === 'worker') return runWorkerCommand(argv.slice(1), print)
  if (argv[0] === 'synth') return runSynthCommand(argv.slice(1), print)
  if (argv[0] === 'topics') return runTopicsCommand(argv.slice(1), print)
  if (argv[0] === 'watch') return runWatchCommand(argv.slice(1), print)
  const args = parseCliArgs(argv)
  switch (args.command) {
    case 'help':
      print(`${USAGE}\n\n${FLEET_USAGE}`)
      return 0
    case 'scene':
      await runSceneCommand(args, print)
      return 0
    case 'ask':
      return runAskCommand(args, print)
    case 'verify':
      return runVerifyCommand(args, print)
    case 'maps':
      return runMapsCommand(args, print)
    case 'serve':
      await runServeCommand(args, print)
      return -1 // keeps running
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error) => {
    process.stderr.write(`error: ${userFacingMessage(error)}\n`)
    if (process.env.SPATIAL_LENS_DEBUG === '1') console.error(error)
    process.exitCode = isUserError(error) ? 2 : 1
  },
)
