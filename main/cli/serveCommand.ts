import { SpatialService } from '../services/SpatialService'
import { InlineSceneExecutor, WorkerSceneExecutor } from '../workers/sceneExecutor'
import { rendererDirectory, sceneWorkerPath } from '../app/paths'
import { startServer } from '../server/startServer'
import type { CliArgs } from './args'

/** `spatial-lens serve`: the UI and services over HTTP + WebSocket, for this machine or a remote robot. */
export async function runServeCommand(args: CliArgs, print: (text: string) => void): Promise<void> {
  const workerPath = sceneWorkerPath()
  const executor = workerPath ? new WorkerSceneExecutor(workerPath) : new InlineSceneExecutor()
  const service = new SpatialService(executor, 'serve', {
    maxScenesPerClient: args.limits.maxScenesPerClient,
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
  print(`Spatial Lens is serving on ${server.url}  (Ctrl+C to stop)`)
  const stop = async () => {
    await server.close()
    await service.dispose()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
