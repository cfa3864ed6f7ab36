import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { ROOT } from '../helpers/runCli'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { redisServerAvailability, startRedisServer, type RedisServer } from '../helpers/redisServer'

// The distributed test: a real redis-server, three `spatial-lens worker` processes, one SIGKILLed
// while it holds a job. Short lock and stalled intervals (worker flags) keep it to seconds.
const availability = redisServerAvailability()
if (!availability.available) console.warn(`fleet tests skipped: ${availability.reason}`)

const CLI = join(ROOT, 'bin', 'spatial-lens.js')
const GOOD_FRAMES = 8
const QUEUE = 'fleet-test'
const WORKER_FLAGS = ['--lock-ms', '4000', '--stalled-interval-ms', '1000', '--max-stalled', '5']

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Eight copies of the synthetic tabletop frame, and one frame whose depth file is not a PNG. */
function writeInputs(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < GOOD_FRAMES; i++) {
    copyFileSync(join(SYNTHETIC, 'scene_640x480_color.png'), join(dir, `f${i}_color.png`))
    copyFileSync(join(SYNTHETIC, 'scene_640x480_depth.png'), join(dir, `f${i}_depth.png`))
  }
  copyFileSync(join(SYNTHETIC, 'scene_640x480_color.png'), join(dir, 'zz_color.png'))
  writeFileSync(join(dir, 'zz_depth.png'), 'this is not a PNG file')
  const intrinsics = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5, depthScale: 1000 }
  writeFileSync(join(dir, 'intrinsics.json'), JSON.stringify(intrinsics))
}

describe.skipIf(!availability.available)('fleet: BullMQ over a real redis-server', () => {
  let redis: RedisServer
  let work: string
  const workers: Running[] = []

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('run `npm run build` before this test')
    redis = await startRedisServer()
    work = mkdtempSync(join(tmpdir(), 'spatial-lens-fleet-'))
    writeInputs(join(work, 'in'))
  })

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL')
    await redis?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('a worker killed mid-job loses nothing, duplicates nothing; a failing job ends failed with its reason', async () => {
    const queueFlags = ['--queue', redis.url, '--queue-name', QUEUE]
    const out = join(work, 'out')
    const submitArgs = ['synth', join(work, 'in'), '--out', out, ...queueFlags, '--frames-per-job', '1']
    const retryFlags = ['--attempts', '2', '--backoff-ms', '200']
    const detached = start([...submitArgs, ...retryFlags, '--detach'])
    expect(await detached.exited, detached.output()).toBe(0)
    expect(detached.output()).toContain(`submitted ${GOOD_FRAMES + 1} job(s), ${GOOD_FRAMES + 1} frame(s)`)

    const victim = start(['worker', ...queueFlags, ...WORKER_FLAGS])
    workers.push(victim)
    const killedJob = await until('the first worker to start a job', () => /started (j[0-9a-f]+)/.exec(victim.output())?.[1], 60_000)
    victim.child.kill('SIGKILL')
    await victim.exited
    // It died holding the job: it never reported it done.
    expect(victim.output()).not.toContain(`done ${killedJob}`)
    workers.push(start(['worker', ...queueFlags, ...WORKER_FLAGS]), start(['worker', ...queueFlags, ...WORKER_FLAGS]))

    // Submitting the same plan again adds nothing, then waits for the whole fleet; exit 1: one job failed.
    const waiting = start([...submitArgs, ...retryFlags])
    expect(await waiting.exited, waiting.output()).toBe(1)
    expect(waiting.output()).toContain(`0 new, ${GOOD_FRAMES + 1} already queued`)
    expect(waiting.output()).toMatch(/failed j[0-9a-f]+ after 2 attempt\(s\): .*zz_depth\.png/)

    // Complete, no duplicates, nothing lost: every good frame exactly once, in whole shards only.
    const shardDir = join(out, 'shards')
    const shards = readdirSync(shardDir).filter((name) => name.endsWith('.jsonl'))
    expect(shards).toHaveLength(GOOD_FRAMES)
    const records = shards.flatMap((name) =>
      readFileSync(join(shardDir, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; frame: string; objects: unknown[] }),
    )
    const frames = records.map((r) => r.frame.split('/').pop()).sort()
    expect(frames).toEqual(Array.from({ length: GOOD_FRAMES }, (_, i) => `f${i}_color.png`).sort())
    expect(new Set(records.map((r) => r.id)).size).toBe(GOOD_FRAMES)
    expect(records.every((r) => r.objects.length > 0)).toBe(true)
    expect(existsSync(join(shardDir, `${killedJob}.jsonl`))).toBe(true)

    // The killed worker's job came back through stalled-job detection and another worker finished it.
    const queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port } })
    try {
      const job = await queue.getJob(killedJob)
      expect(await job!.getState()).toBe('completed')
      expect(String(job!.returnvalue.worker).endsWith(`:${victim.child.pid}`)).toBe(false)
    } finally {
      await queue.close()
    }

    // Fleet-wide status from the CLI, validated JSON: counts and the failed job's reason.
    const status = start(['synth', '--status', ...queueFlags, '--json'])
    expect(await status.exited).toBe(1)
    const parsed = JSON.parse(status.output())
    expect(parsed.counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: GOOD_FRAMES, failed: 1 })
    expect(parsed.failedJobs).toHaveLength(1)
    expect(parsed.failedJobs[0].attemptsMade).toBe(2)
    expect(parsed.failedJobs[0].reason).toContain('zz_depth.png')
    const done = parsed.workers.reduce((sum: number, w: { frames: number }) => sum + w.frames, 0)
    expect(done).toBe(GOOD_FRAMES)

    for (const w of workers.slice(1)) w.child.kill('SIGTERM')
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0])
  }, 240_000)
})
