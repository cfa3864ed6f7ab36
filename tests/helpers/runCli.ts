import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'spatial-lens.js')

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI (`npm test` builds first) exactly as a user would; `env` replaces the environment. */
export function runCli(args: string[], env?: NodeJS.ProcessEnv): CliRun {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error(
      'out/main/cli.js is missing: run `npm run build` (npm test does it) before these tests',
    )
  }
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Runs the built CLI as an asynchronous child, so this process can keep serving requests the CLI makes to it
 * (a fake LLM server in the same test process).
 */
export function runCliAsync(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
