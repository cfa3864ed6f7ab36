#!/usr/bin/env node
// `node bench/load.js` (also part of `npm run bench`): several clients at once against one `spatial-lens serve` on
// 127.0.0.1 — each analyses the embedded sample and asks 5 questions about its own scene, for a few rounds — and
// prints p50 / p95 latency per channel, the server's peak RSS and the number of failed calls, next to one client
// doing the same alone in the same run (the reference). Bounded: a fixed number of calls, a time limit, loopback only.
//
//   node bench/load.js [--clients 4] [--rounds 3] [--timeout-s 300] [--out bench/results/load.json]

import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatTable } from './lib.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function freePort() {
  return new Promise((res, rej) => {
    const server = createServer()
    server.once('error', rej)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => res(port))
    })
  })
}

/** Starts serve on a free loopback port; resolves when it says it is serving. */
async function startServe(home) {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'spatial-lens.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...process.env, SPATIAL_LENS_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await new Promise((res, rej) => {
    let text = ''
    const timer = setTimeout(() => rej(new Error(`serve did not start in 60 s: ${text}`)), 60_000)
    child.stdout.on('data', (d) => {
      text += d
      if (text.includes('is serving on')) {
        clearTimeout(timer)
        res()
      }
    })
    child.once('exit', (code) => rej(new Error(`serve exited (${code}): ${text}`)))
  })
  return { child, url: `ws://127.0.0.1:${port}/ws` }
}

/** Peak resident memory of a process and its threads, sampled from /proc (Linux); null elsewhere. */
function rssSampler(pid) {
  let peakKb = 0
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
      if (kb > peakKb) peakKb = kb
    } catch {
      // not Linux, or the process is gone
    }
  }, 50)
  return () => {
    clearInterval(timer)
    return peakKb > 0 ? peakKb / 1024 : null
  }
}

const percentile = (values, p) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function summarize(results) {
  const out = {}
  for (const channel of [...new Set(results.map((r) => r.channel))]) {
    const calls = results.filter((r) => r.channel === channel)
    const ms = calls.filter((r) => r.ok).map((r) => r.ms)
    out[channel] = {
      calls: calls.length,
      failed: calls.filter((r) => !r.ok).length,
      p50Ms: percentile(ms, 50),
      p95Ms: percentile(ms, 95),
    }
  }
  return out
}

/** Runs the load bench; resolves to its exit code (1 when a call failed). */
export async function runLoadBench(options = {}) {
  const opts = {
    clients: 4,
    rounds: 3,
    timeoutS: 300,
    out: join(ROOT, 'bench', 'results', 'load.json'),
    ...options,
  }
  console.log(
    `\n== serve under load: ${opts.clients} clients at once vs 1 alone (sample scene, ${opts.rounds} rounds of 1 analysis + 5 questions each) ==`,
  )
  const tmp = mkdtempSync(join(os.tmpdir(), 'spatial-lens-load-bench-'))
  // Inside the repository, so the bundle resolves `ws` from our node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true })
  const bundle = join(ROOT, '.tmp', `loadBench-${process.pid}.mjs`)
  await build({
    entryPoints: [join(ROOT, 'bench', 'loadBench.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
    external: ['ws'],
  })
  const { runLoad } = await import(pathToFileURL(bundle).href)
  const runs = {}
  try {
    for (const [name, clients] of [
      ['alone', 1],
      ['load', opts.clients],
    ]) {
      const { child, url } = await startServe(join(tmp, name))
      const stopSampling = rssSampler(child.pid)
      const started = performance.now()
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutS * 1000)
      try {
        const results = await runLoad(url, clients, opts.rounds)
        runs[name] = {
          clients,
          wallS: (performance.now() - started) / 1000,
          peakRssMb: stopSampling(),
          channels: summarize(results),
          errors: [...new Set(results.filter((r) => !r.ok).map((r) => r.error))],
        }
      } finally {
        clearTimeout(timer)
        child.kill('SIGTERM')
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
    rmSync(bundle, { force: true })
  }
  const rows = []
  for (const channel of Object.keys(runs.load.channels)) {
    const a = runs.alone.channels[channel]
    const l = runs.load.channels[channel]
    rows.push([
      channel,
      `${a.p50Ms.toFixed(0)} / ${a.p95Ms.toFixed(0)}`,
      `${l.p50Ms.toFixed(0)} / ${l.p95Ms.toFixed(0)}`,
      (l.p50Ms / a.p50Ms).toFixed(2),
      `${l.failed} of ${l.calls}`,
    ])
  }
  console.log(
    formatTable(
      [
        'channel',
        '1 client p50 / p95 ms',
        `${opts.clients} clients p50 / p95 ms`,
        'p50 ratio',
        'failed under load',
      ],
      rows,
    ),
  )
  console.log(
    `server peak RSS: ${runs.alone.peakRssMb?.toFixed(0) ?? 'n/a'} MB alone, ${runs.load.peakRssMb?.toFixed(0) ?? 'n/a'} MB under load; wall ${runs.alone.wallS.toFixed(1)} s / ${runs.load.wallS.toFixed(1)} s`,
  )
  const failed =
    Object.values(runs.load.channels).reduce((n, c) => n + c.failed, 0) +
    Object.values(runs.alone.channels).reduce((n, c) => n + c.failed, 0)
  if (failed)
    console.log(
      `failed calls: ${failed} (${[...runs.alone.errors, ...runs.load.errors].join('; ')})`,
    )
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(
    opts.out,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, ...runs }, null, 2)}\n`,
  )
  console.log(`wrote ${relative(process.cwd(), opts.out)}`)
  return failed ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`)
    return at > 0 ? process.argv[at + 1] : fallback
  }
  process.exitCode = await runLoadBench({
    clients: Number(arg('clients', 4)),
    rounds: Number(arg('rounds', 3)),
    timeoutS: Number(arg('timeout-s', 300)),
    ...(arg('out') ? { out: resolve(arg('out')) } : {}),
  })
}
