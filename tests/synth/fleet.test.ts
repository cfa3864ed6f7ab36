import { spawn, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { ROOT } from '../helpers/runCli'
import { SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'
import { synthSampleSchema } from '../../main/contract/synthSchema'
import { fleetStatusSchema } from '../../main/contract/fleetSchema'
import { writeRgbdMcap } from '../helpers/rgbdMcap'
import { redisServerAvailability, startRedisServer, type RedisServer } from '../helpers/redisServer'

// The distributed test: a real redis-server, three `spatial-lens worker` processes, one SIGKILLed
// while it holds a job. Short lock and stalled intervals (worker flags) keep it to seconds.
const availability = redisServerAvailability()
if (!availability.available) console.warn(`fleet tests skipped: ${availability.reason}`)

const CLI = join(ROOT, 'bin', 'spatial-lens.js')
const GOOD_FRAMES = 4
const QUEUE = 'fleet-test'
const WORKER_FLAGS = [
  '--threads',
  '1',
  '--lock-ms',
  '4000',
  '--stalled-interval-ms',
  '1000',
  '--max-stalled',
  '5',
]

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
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

const RESOLUTION = '320x240'

/** `good/`: copies of the synthetic tabletop frame; `bad/`: one frame whose depth file is not a PNG. */
function writeInputs(work: string): void {
  const good = join(work, 'good')
  const bad = join(work, 'bad')
  mkdirSync(good, { recursive: true })
  mkdirSync(bad, { recursive: true })
  for (let i = 0; i < GOOD_FRAMES; i++) {
    copyFileSync(join(SYNTHETIC, `scene_${RESOLUTION}_color.png`), join(good, `f${i}_color.png`))
    copyFileSync(join(SYNTHETIC, `scene_${RESOLUTION}_depth.png`), join(good, `f${i}_depth.png`))
  }
  copyFileSync(join(SYNTHETIC, `scene_${RESOLUTION}_color.png`), join(bad, 'zz_color.png'))
  writeFileSync(join(bad, 'zz_depth.png'), 'this is not a PNG file')
  const truth = loadGroundTruth(RESOLUTION)
  const [width, height] = truth.resolution
  const intrinsics = { width, height, ...truth.intrinsics, depthScale: 1000 } // PROVENANCE.md: depth in mm
  for (const dir of [good, bad])
    writeFileSync(join(dir, 'intrinsics.json'), JSON.stringify(intrinsics))
}

describe.skipIf(!availability.available)('fleet: BullMQ over a real redis-server', () => {
  let redis: RedisServer
  let work: string
  const workers: Running[] = []

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js')))
      throw new Error('run `npm run build` before this test')
    redis = await startRedisServer()
    work = mkdtempSync(join(tmpdir(), 'spatial-lens-fleet-'))
    writeInputs(work)
  })

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL')
    await redis?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('a worker killed mid-job loses nothing and duplicates nothing; a failing frame ends failed with its reason', async () => {
    const queueFlags = ['--queue', redis.url, '--queue-name', QUEUE]
    const out = join(work, 'dataset')
    const submitGood = [
      'synth',
      join(work, 'good'),
      '--out',
      out,
      ...queueFlags,
      '--frames-per-job',
      '1',
    ]
    const detached = start([...submitGood, '--detach'])
    expect(await detached.exited, detached.output()).toBe(0)
    expect(detached.output()).toContain(`submitted ${GOOD_FRAMES} job(s), ${GOOD_FRAMES} frame(s)`)

    const victim = start(['worker', ...queueFlags, ...WORKER_FLAGS])
    workers.push(victim)
    const killedJob = await until(
      'a worker to start a job',
      () => /started (j[0-9a-f]+)/.exec(victim.output())?.[1],
      60_000,
    )
    victim.child.kill('SIGKILL')
    await victim.exited
    // It died holding the job: it never reported it done.
    expect(victim.output()).not.toContain(`done ${killedJob}`)
    workers.push(
      start(['worker', ...queueFlags, ...WORKER_FLAGS]),
      start(['worker', ...queueFlags, ...WORKER_FLAGS]),
    )

    // The same command again adds nothing, waits for the fleet, then writes the manifest.
    const waiting = start(submitGood)
    expect(await waiting.exited, waiting.output()).toBe(0)
    expect(waiting.output()).toContain(`0 new, ${GOOD_FRAMES} already queued`)

    // Complete, no duplicates, nothing lost: one whole shard per frame, every sample id once.
    const shardDir = join(out, 'shards')
    const shards = readdirSync(shardDir).filter((name) => name.endsWith('.jsonl'))
    expect(shards).toHaveLength(GOOD_FRAMES)
    const samples = shards.flatMap((name) =>
      readFileSync(join(shardDir, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => ({ shard: name, sample: synthSampleSchema.parse(JSON.parse(line)) })),
    )
    expect(samples.every(({ shard, sample }) => shard === `${sample.job_id}.jsonl`)).toBe(true)
    expect(new Set(samples.map(({ sample }) => sample.id)).size).toBe(samples.length)
    const frames = new Set(samples.map(({ sample }) => sample.frame))
    expect([...frames].sort()).toEqual(
      Array.from({ length: GOOD_FRAMES }, (_, i) => `f${i}_color.png`),
    )
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.counts.frames).toBe(GOOD_FRAMES)
    expect(manifest.counts.samples).toBe(samples.length)

    // The killed worker's job came back through stalled-job detection and another worker finished it.
    const queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port } })
    try {
      const job = await queue.getJob(killedJob)
      expect(await job!.getState()).toBe('completed')
      expect(String(job!.returnvalue.worker).endsWith(`:${victim.child.pid}`)).toBe(false)
      expect(job!.returnvalue.ran).toBe(1)
    } finally {
      await queue.close()
    }

    // A frame that always fails: bounded attempts, then the failed set with its reason.
    const badOut = join(work, 'bad-dataset')
    const failing = start([
      'synth',
      join(work, 'bad'),
      '--out',
      badOut,
      ...queueFlags,
      '--attempts',
      '2',
      '--backoff-ms',
      '200',
    ])
    expect(await failing.exited, failing.output()).toBe(1)
    expect(failing.output()).toMatch(
      /failed j[0-9a-f]+ after 2 attempt\(s\): 1 of 1 frame\(s\) failed: zz_color\.png: /,
    )
    expect(existsSync(join(badOut, 'manifest.json'))).toBe(false)

    // Fleet-wide status from the CLI (contract-validated JSON): counts, rates, the failed job's reason.
    const status = start(['synth', '--status', ...queueFlags, '--json'])
    expect(await status.exited).toBe(1)
    const parsed = fleetStatusSchema.parse(JSON.parse(status.output()))
    expect(parsed.counts).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      completed: GOOD_FRAMES,
      failed: 1,
    })
    expect(parsed.failedJobs).toHaveLength(1)
    expect(parsed.failedJobs[0].attemptsMade).toBe(2)
    expect(parsed.failedJobs[0].reason).toContain('zz_depth.png')
    expect(parsed.workers.reduce((sum, w) => sum + w.frames, 0)).toBe(GOOD_FRAMES)
    expect(parsed.workersOnline).toHaveLength(2)

    // Submitting the failed plan again retries it with a fresh set of attempts (not a duplicate job).
    const again = start([
      'synth',
      join(work, 'bad'),
      '--out',
      badOut,
      ...queueFlags,
      '--attempts',
      '2',
      '--backoff-ms',
      '200',
    ])
    expect(await again.exited, again.output()).toBe(1)
    expect(again.output()).toContain('0 new, 1 already queued, 1 failed one(s) retried')
    expect(again.output()).toMatch(/failed j[0-9a-f]+ after 2 attempt\(s\)/)

    for (const w of workers.slice(1)) w.child.kill('SIGTERM')
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0])
  }, 240_000)

  it('takes MCAP recordings: a queue job per recording segment, the same shards as a local run', async () => {
    const recordings = join(work, 'recordings')
    mkdirSync(recordings)
    expect(await writeRgbdMcap(join(recordings, 'three.mcap'), 3)).toBe(3)
    const queueFlags = ['--queue', redis.url, '--queue-name', 'fleet-mcap']
    const options = ['--detector', 'none', '--seed', '5', '--max-pairs', '4']
    const worker = start(['worker', ...queueFlags, ...WORKER_FLAGS])
    workers.push(worker)
    const fleetOut = join(work, 'mcap-fleet')
    const submit = start([
      'synth',
      recordings,
      '--out',
      fleetOut,
      ...queueFlags,
      ...options,
      '--frames-per-job',
      '2',
    ])
    expect(await submit.exited, submit.output()).toBe(0)
    expect(submit.output()).toContain('submitted 2 job(s), 3 frame(s)')
    // Two segments (2 + 1 frames), both run by the one worker (on its one thread pool).
    await until(
      'the worker to report both jobs',
      () =>
        worker.output().match(/done j[0-9a-f]+: \d frame\(s\) run/g)?.length === 2
          ? true
          : undefined,
      10_000,
    )

    const localOut = join(work, 'mcap-local')
    const local = start(['synth', recordings, '--out', localOut, ...options, '--workers', '1'])
    expect(await local.exited, local.output()).toBe(0)
    const read = (out: string) =>
      Object.fromEntries(
        readdirSync(join(out, 'shards'))
          .sort()
          .map((name) => [name, readFileSync(join(out, 'shards', name), 'utf8')]),
      )
    const fleetShards = read(fleetOut)
    expect(Object.keys(fleetShards)).toHaveLength(3)
    expect(fleetShards).toEqual(read(localOut))
    const frames = Object.values(fleetShards).flatMap((text) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => synthSampleSchema.parse(JSON.parse(line)).frame),
    )
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.filter((frame) => !/^three\.mcap#[012]$/.test(frame))).toEqual([])
    expect(readFileSync(join(fleetOut, 'config.json'), 'utf8')).toBe(
      readFileSync(join(localOut, 'config.json'), 'utf8'),
    )
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
  }, 180_000)
})
