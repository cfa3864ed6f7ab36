// Child processes for the benchmarks (bench/run.js, bench/models.js).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { excerpt } from './lib.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Runs a child to completion with a wall-clock timeout; resolves { stdout, stderr, ms } on exit 0,
 * rejects with its exit status and stderr on failure.
 */
export function runChild(command, args, { timeoutS, label, env = process.env, cwd = ROOT }) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    let timedOut = false
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    }, timeoutS * 1000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`${label}: cannot start ${command} (${error.code ?? error.message})`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const stdout = Buffer.concat(out).toString('utf8')
      const stderr = Buffer.concat(err).toString('utf8')
      if (timedOut)
        return reject(new Error(`${label}: timed out after ${timeoutS} s (raise --timeout-s)`))
      if (code !== 0) {
        const status = signal ? `killed by ${signal}` : `exit code ${code}`
        const detail = stderr.trim() || stdout.trim()
        return reject(new Error(`${label}: ${status}${detail ? `\n${excerpt(detail)}` : ''}`))
      }
      resolvePromise({ stdout, stderr, ms: performance.now() - start })
    })
  })
}
