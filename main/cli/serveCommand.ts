import { SpatialService } from '../services/SpatialService'
import { InlineSceneExecutor, WorkerSceneExecutor } from '../workers/sceneExecutor'
import { rendererDirectory, sceneWorkerPath } from '../app/paths'
import { startServer } from '../server/startServer'
import type { CliArgs } from './args'
import { resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { UserError } from '../app/userError'

/** `spatial-lens serve`: the UI and services over HTTP + WebSocket, for this machine or a remote robot. */
export async function runServeCommand(args: CliArgs, print: (text: string) => void): Promise<void> {
  if (args.recordings && !existsSync(args.recordings))
    throw new UserError(`--recordings ${args.recordings}: no such directory`)
  const workerPath = sceneWorkerPath()
  const executor = workerPath ? new WorkerSceneExecutor(workerPath) : new InlineSceneExecutor()
  const service = new SpatialService(executor, 'serve', {
    maxScenesPerClient: args.limits.maxScenesPerClient,
    recordingsDirectory: args.recordings ? resolve(args.recordings) : null,
  })
  const server = await startServer(service, {
    port: args.port,
    host: args.host,
    rendererDirectory: rendererDirectory(),
    limits: args.limits,
    allowedHosts: args.allowedHosts,
    allowedOrigins: args.allowedOrigins,
    onClientError: (message) => print(`[spatial-lens] ${message}`),
  })
  if (args.host !== '127.0.0.1' && args.host !== 'localhost') {
    print(
      `warning: listening on ${args.host}: anyone who can reach this machine can use the UI (no authentication)`,
    )
    print(
      'browsers may reach it by IP address or localhost; for a name (robot.local) add --allow-host NAME',
    )
  }
  if (args.recordings)
    print(`recordings: the UI may open the .mcap files under ${resolve(args.recordings)}`)
  print(`Spatial Lens is serving on ${server.url}  (Ctrl+C to stop)`)
  const stop = async () => {
    await server.close()
    await service.dispose()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
