import { parseArgs } from 'node:util'
import { UserError } from '../app/userError'
import { parseQueueUrl, type RedisTarget } from '../fleet/queueUrl'
import {
  DEFAULT_JOB_SETTINGS,
  DEFAULT_QUEUE_NAME,
  DEFAULT_WORKER_SETTINGS,
  type FleetJobSettings,
  type FleetWorkerSettings,
} from '../fleet/fleetSettings'
import { DEFAULT_FILTERS } from '../synth/generateSamples'
import type { JobConfig } from '../synth/runJob'
import type { McapReadOptions } from '../synth/datasetConfig'

export const FLEET_USAGE = `A fleet (BullMQ over Redis; inputs and --out on storage every worker sees, e.g. NFS):
  spatial-lens synth INPUT... --out DIR --queue redis://host:6379[/db] [--queue-name NAME] [synth options]
                     [--color-topic T] [--depth-topic T] [--camera-info-topic T] [--every N]
                     [--frames-per-job 16] [--attempts 3] [--backoff-ms 10000] [--detach] [--json]
                     (submit the jobs, then show fleet-wide progress until done and write the manifest)
  spatial-lens synth --status --queue redis://… [--queue-name NAME] [--json]
  spatial-lens worker --queue redis://… [--queue-name NAME] [--concurrency 1] [--threads <cores>]
                     [--lock-ms 120000] [--stalled-interval-ms 30000] [--max-stalled 2]`

/** `synth --queue …`: what to submit and how to wait. */
export interface FleetSubmitArgs {
  kind: 'submit'
  target: RedisTarget
  queueName: string
  inputs: string[]
  framesPerJob: number
  config: Omit<JobConfig, 'roots'>
  /** How MCAP recordings among the inputs are read (the local synth's --color-topic … --every). */
  mcap: McapReadOptions
  jobSettings: FleetJobSettings
  detach: boolean
  json: boolean
}

/** `synth --status --queue …`. */
export interface FleetStatusArgs {
  kind: 'status'
  target: RedisTarget
  queueName: string
  json: boolean
}

/** `worker --queue …`. */
export interface FleetWorkerArgs {
  target: RedisTarget
  queueName: string
  settings: FleetWorkerSettings
}

function integer(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`${flag} must be an integer ${min}-${max}, got "${text}"`)
  }
  return value
}

function queueOf(values: { queue?: string; 'queue-name'?: string }): {
  target: RedisTarget
  queueName: string
} {
  if (!values.queue) throw new UserError('--queue redis://host:6379[/db] is required')
  const queueName = values['queue-name'] ?? DEFAULT_QUEUE_NAME
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(queueName)) {
    throw new UserError(`--queue-name "${queueName}": use 1-100 letters, digits, '_', '.' or '-'`)
  }
  return { target: parseQueueUrl(values.queue), queueName }
}

const FLEET_SYNTH_OPTIONS = {
  queue: { type: 'string' },
  'queue-name': { type: 'string' },
  status: { type: 'boolean', default: false },
  out: { type: 'string' },
  'frames-per-job': { type: 'string' },
  seed: { type: 'string' },
  detector: { type: 'string' },
  'min-points': { type: 'string' },
  'max-pairs': { type: 'string' },
  'keep-planeless': { type: 'boolean', default: false },
  'with-points': { type: 'boolean', default: false },
  'color-topic': { type: 'string' },
  'depth-topic': { type: 'string' },
  'camera-info-topic': { type: 'string' },
  every: { type: 'string' },
  attempts: { type: 'string' },
  'backoff-ms': { type: 'string' },
  detach: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const

/** Parses `synth` arguments when `--queue` or `--status` is given (the fleet forms). */
export function parseFleetSynthArgs(argv: string[]): FleetSubmitArgs | FleetStatusArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: FLEET_SYNTH_OPTIONS,
  })
  const queue = queueOf(values)
  if (values.status) return { kind: 'status', ...queue, json: values.json }
  return submitArgs(values, positionals, queue)
}

/** `synth --queue …` without --status: the inputs, the job config (as the local synth's) and the job settings. */
function submitArgs(
  values: ReturnType<typeof parseArgs<{ options: typeof FLEET_SYNTH_OPTIONS }>>['values'],
  positionals: string[],
  queue: ReturnType<typeof queueOf>,
): FleetSubmitArgs {
  if (positionals.length === 0) throw new UserError('synth: name at least one input folder or file')
  if (!values.out)
    throw new UserError('synth: --out DIR (the dataset folder, on shared storage) is required')
  const detector = values.detector ?? 'nanodet'
  if (detector !== 'nanodet' && detector !== 'owlv2' && detector !== 'none') {
    throw new UserError(`--detector must be nanodet, owlv2 or none, got "${detector}"`)
  }
  // The same keys in the same order as the local synth: config.json pins them as JSON text.
  const filters = {
    minPoints: integer('--min-points', values['min-points'], DEFAULT_FILTERS.minPoints, 0, 1e9),
    maxPairs: integer('--max-pairs', values['max-pairs'], DEFAULT_FILTERS.maxPairs, 1, 1e6),
    requirePlane: !values['keep-planeless'],
    minObjects: DEFAULT_FILTERS.minObjects,
  }
  return {
    kind: 'submit',
    ...queue,
    inputs: positionals,
    framesPerJob: integer('--frames-per-job', values['frames-per-job'], 16, 1, 10_000),
    config: {
      outDir: values.out,
      seed: integer('--seed', values.seed, 0, 0, 2 ** 31 - 1),
      filters,
      perception: { detector },
      withPoints: values['with-points'],
    },
    mcap: {
      topics: {
        colorTopic: values['color-topic'],
        depthTopic: values['depth-topic'],
        cameraInfoTopic: values['camera-info-topic'],
      },
      every: integer('--every', values.every, 1, 1, 1e9),
    },
    jobSettings: {
      attempts: integer('--attempts', values.attempts, DEFAULT_JOB_SETTINGS.attempts, 1, 100),
      backoffMs: integer(
        '--backoff-ms',
        values['backoff-ms'],
        DEFAULT_JOB_SETTINGS.backoffMs,
        0,
        3_600_000,
      ),
    },
    detach: values.detach,
    json: values.json,
  }
}

/** Parses `worker` arguments. */
export function parseFleetWorkerArgs(argv: string[]): FleetWorkerArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      concurrency: { type: 'string' },
      threads: { type: 'string' },
      'lock-ms': { type: 'string' },
      'stalled-interval-ms': { type: 'string' },
      'max-stalled': { type: 'string' },
    },
  })
  const d = DEFAULT_WORKER_SETTINGS
  const settings: FleetWorkerSettings = {
    concurrency: integer('--concurrency', values.concurrency, d.concurrency, 1, 256),
    threads: integer('--threads', values.threads, d.threads, 1, 1024),
    lockDurationMs: integer('--lock-ms', values['lock-ms'], d.lockDurationMs, 500, 86_400_000),
    stalledIntervalMs: integer(
      '--stalled-interval-ms',
      values['stalled-interval-ms'],
      d.stalledIntervalMs,
      200,
      86_400_000,
    ),
    maxStalledCount: integer('--max-stalled', values['max-stalled'], d.maxStalledCount, 0, 100),
  }
  return { ...queueOf(values), settings }
}
