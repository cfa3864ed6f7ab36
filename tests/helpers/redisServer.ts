import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'

/** A private redis-server for one test file: 127.0.0.1 only, no persistence. */
export interface RedisServer {
  port: number
  url: string
  stop: () => Promise<void>
}

/**
 * Whether redis-server can run here. Outside CI its absence skips the fleet tests (with `reason`);
 * in CI (`CI` set, as `.ci/run` does) it is a failure: `.ci/run` installs Debian's redis-server.
 */
export function redisServerAvailability(): { available: boolean; reason: string } {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0) return { available: true, reason: '' }
  const reason =
    'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)'
  if (process.env.CI) throw new Error(`CI: ${reason}`)
  return { available: false, reason }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Starts redis-server on a free port and waits until it accepts connections (10 s at most). */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 10_000
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start on port ${port}:\n${output.slice(-2000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { port, url: `redis://127.0.0.1:${port}`, stop }
}
