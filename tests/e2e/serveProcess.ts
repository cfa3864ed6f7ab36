import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running `spatial-lens serve` child process. */
export interface ServeProcess {
  url: string
  /** Its model cache (SPATIAL_LENS_MODELS) and app home (SPATIAL_LENS_HOME: settings, calibrations). */
  modelsDirectory: string
  homeDirectory: string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 20_000

/** A TCP port that was free a moment ago (listen on 0, read it, close). */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))))
    })
  })
}

/** Fails with what to run when the renderer was not built (npm test builds it before vitest). */
export function assertRendererBuilt(repoRoot: string): void {
  const index = join(repoRoot, 'out', 'renderer', 'index.html')
  if (!existsSync(index)) {
    throw new Error(
      `${index} is missing: build the app first (\`npm run build\`; \`npm test\` does it before vitest).`,
    )
  }
}

export interface ServeOptions {
  /** Extra environment variables for the server process. */
  env?: NodeJS.ProcessEnv
  /** Extra `serve` arguments (e.g. `--recordings DIR`). */
  args?: string[]
}

/**
 * Starts the real server (`node bin/spatial-lens.js serve`) on a free port and waits for its
 * "serving on" line. Its model cache and its app home are empty temporary directories
 * (SPATIAL_LENS_MODELS, SPATIAL_LENS_HOME; removed on stop) so results never depend on the models
 * this machine has downloaded or on the user's settings and measurement log: only the built-in NanoDet detector is
 * there, colour-only frames have no depth model, and no LLM is configured.
 */
export async function startServeProcess(
  repoRoot: string,
  options: ServeOptions = {},
): Promise<ServeProcess> {
  const port = await pickFreePort()
  const modelsDirectory = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-models-'))
  const homeDirectory = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-home-'))
  const child = spawn(
    process.execPath,
    ['bin/spatial-lens.js', 'serve', '--port', String(port), ...(options.args ?? [])],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SPATIAL_LENS_MODELS: modelsDirectory,
        SPATIAL_LENS_HOME: homeDirectory,
        ...options.env,
      },
    },
  )
  const removeModels = () => {
    rmSync(modelsDirectory, { recursive: true, force: true })
    rmSync(homeDirectory, { recursive: true, force: true })
  }
  try {
    const url = await waitForServingLine(child)
    return {
      url,
      modelsDirectory,
      homeDirectory,
      stop: () => stopChild(child).finally(removeModels),
    }
  } catch (error) {
    removeModels()
    throw error
  }
}

function waitForServingLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`spatial-lens serve ${why}\nstdout: ${stdout}\nstderr: ${stderr}`))
    }
    const timer = setTimeout(
      () => fail(`printed no "serving on" line within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    )
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /serving on (http:\/\/\S+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => fail(`exited early with code ${code}`))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(killer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
