/**
 * `spatial-lens watch`: a live (rosbridge) or recorded (folder, MCAP) camera stream through detection, scene, tracking and
 * watch queries, with a progress line, alerts on stdout, and optional CSV of the watch events and MCAP recording.
 */

import { parseArgs } from 'node:util'
import { createWriteStream, type WriteStream } from 'node:fs'
import { UserError } from '../app/userError'
import { perceptionAnalyzer } from '../live/perceptionAnalyzer'
import { stagedAnalyze, type DetectionSchedule } from '../live/stagedAnalysis'
import {
  perceptionSettingsSchema,
  type PerceptionSettingsInput,
} from '../contract/perceptionSettings'
import { appVersion } from '../app/appVersion'
import { parseWatch, WatchEvaluator } from '../engine/watch'
import { runLive, type LiveResult } from '../live/livePipeline'
import { printSummary } from './watchSummary'
import { WatchFigures } from './watchFigures'
import { McapRecorder } from '../live/McapRecorder'
import { WATCH_CSV_HEADER, watchCsvRow } from '../live/watchCsv'
import { chooseSourceKind, WATCH_SOURCE_KINDS } from './watchSources'
import { RobotFrameAttacher } from '../live/robotFrameAttacher'
import type { SourceEvent } from '../live/FrameSource'

export const WATCH_USAGE = `spatial-lens watch SOURCE [options] "watch query" ["another watch query" …]

Sources (one):
${WATCH_SOURCE_KINDS.map((k) => `  ${k.usage}`).join('\n')}

Watch queries: "distance between the mug and the bottle" (logged when it changes), "log the gap between A and B
every frame", "alert when the mug is within 5 cm of the bottle", "warn if A is more than 30 cm from B".

Options:
  --csv out.csv         watch events (alerts, logged values: one row per change, not per frame)
  --record out.mcap     frames, camera pose, tracked boxes (foxglove.SceneUpdate) and watch events, for Foxglove
  --max-frames N        stop after N processed frames
  --json                end with a JSON summary (rates, latency percentiles, mean time per stage)
  --min-change-cm C     log a value when it moved at least C cm (default 0.5)
  --gripper-frame ID    the TF frame "the gripper" means (TF from the recording, or /tf and /tf_static through
                        rosbridge; without it a frame named like tcp, gripper, tool0 or ee is used)
  --detector nanodet|owlv2|none [--queries "mug,bottle"]   objects from a detector (default nanodet)
  --detect every-frame|latest   every-frame (default): each frame is detected, then lifted; latest: the detector
                        runs at its own rate on the newest frame and each frame is lifted with the latest
                        detections (up to one detection period old; needs depth from the sensor)`

const OPTIONS = {
  rosbridge: { type: 'string' },
  'color-topic': { type: 'string' },
  'depth-topic': { type: 'string' },
  'info-topic': { type: 'string' },
  'list-topics': { type: 'boolean' },
  'rgb-dir': { type: 'string' },
  preload: { type: 'boolean' },
  mcap: { type: 'string' },
  'camera-info-topic': { type: 'string' },
  video: { type: 'string' },
  'fov-deg': { type: 'string' },
  start: { type: 'string' },
  realtime: { type: 'boolean' },
  intrinsics: { type: 'string' },
  'depth-scale': { type: 'string' },
  fps: { type: 'string' },
  csv: { type: 'string' },
  record: { type: 'string' },
  'max-frames': { type: 'string' },
  'min-change-cm': { type: 'string' },
  detector: { type: 'string' },
  detect: { type: 'string' },
  queries: { type: 'string' },
  json: { type: 'boolean' },
  'gripper-frame': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function perceptionOf(values: Record<string, unknown>): PerceptionSettingsInput {
  const candidate: Record<string, unknown> = {}
  if (typeof values.detector === 'string') candidate.detector = values.detector
  if (typeof values.queries === 'string')
    candidate.queries = values.queries
      .split(',')
      .map((q) => q.trim())
      .filter(Boolean)
  const parsed = perceptionSettingsSchema.safeParse(candidate)
  if (!parsed.success)
    throw new UserError(
      `--${String(parsed.error.issues[0].path[0])}: ${parsed.error.issues[0].message}`,
    )
  return parsed.data
}

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n <= 0)
    throw new UserError(`${flag} must be a positive whole number, got "${v}"`)
  return n
}

function watchesOf(phrases: string[], minChangeM: number): WatchEvaluator[] {
  if (phrases.length === 0)
    throw new UserError('give a watch query, e.g. "distance between the mug and the bottle"')
  return phrases.map((p) => {
    const parsed = parseWatch(p)
    if (!parsed.ok) throw new UserError(`watch query "${p}": ${parsed.reason}`)
    return new WatchEvaluator(parsed.spec, { minChangeM })
  })
}

/** The command line, parsed against OPTIONS. @throws UserError for an unknown or malformed option. */
function parseWatchArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UserError(
      `${error instanceof Error ? error.message : String(error)} (see spatial-lens watch --help)`,
    )
  }
}

type WatchValues = ReturnType<typeof parseWatchArgs>['values']

/** The source, watch queries and perception of a run, checked before anything opens. @throws UserError. */
function watchSettings(values: WatchValues, positionals: string[]) {
  const { kind, value } = chooseSourceKind(values)
  const minChangeCm = values['min-change-cm'] === undefined ? 0.5 : Number(values['min-change-cm'])
  if (!Number.isFinite(minChangeCm) || minChangeCm < 0)
    throw new UserError('--min-change-cm must be a number ≥ 0')
  const watches = values['list-topics'] ? [] : watchesOf(positionals, minChangeCm / 100)
  const perception = perceptionOf(values)
  const maxFrames = positiveInt(values['max-frames'], '--max-frames')
  const schedule = values.detect ?? 'every-frame'
  if (schedule !== 'every-frame' && schedule !== 'latest')
    throw new UserError(`--detect must be every-frame or latest, got "${schedule}"`)
  return { kind, value, watches, perception, maxFrames, schedule: schedule as DetectionSchedule }
}

interface Sinks {
  csv: WriteStream | null
  recorder: McapRecorder | null
}

/** The CSV (header written) and the MCAP recording asked for, if any. */
async function openSinks(values: WatchValues): Promise<Sinks> {
  const csv: WriteStream | null = values.csv ? createWriteStream(values.csv) : null
  csv?.write(`${WATCH_CSV_HEADER}\n`)
  const recorder = values.record
    ? await McapRecorder.create(values.record, { appVersion: appVersion() })
    : null
  return { csv, recorder }
}

/** A processed frame's watch events to the CSV, its alerts to stdout, and the frame to the recording. */
async function writeSinks(
  r: LiveResult,
  watches: WatchEvaluator[],
  { csv, recorder }: Sinks,
  print: (line: string) => void,
): Promise<void> {
  r.readings.forEach((reading, i) => {
    const watchText = watches[i].spec.text
    for (const e of reading.events) {
      csv?.write(`${watchCsvRow(watchText, e)}\n`)
      if (e.type === 'alert_entered' || e.type === 'alert_left') {
        print(
          `frame ${e.frameIndex}: ${e.type === 'alert_entered' ? 'ALERT' : 'clear'} ${watchText}: ${e.text}`,
        )
      }
    }
  })
  if (recorder) {
    await recorder.addFrame(r.frame, r.scene, r.tracks)
    for (const [i, reading] of r.readings.entries())
      await recorder.addWatchEvents(watches[i].spec.text, reading.events)
  }
}

export async function runWatchCommand(
  argv: string[],
  print: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseWatchArgs(argv)
  if (values.help) {
    print(WATCH_USAGE)
    return 0
  }
  const { kind, value, watches, perception, maxFrames, schedule } = watchSettings(
    values,
    positionals,
  )
  const source = await kind.open(value, values, print)
  if (values['list-topics']) return 0
  const robot = new RobotFrameAttacher(source, values['gripper-frame'])
  const sinks = await openSinks(values)
  const isTty = process.stderr.isTTY === true
  const figures = new WatchFigures()
  const analyze = stagedAnalyze(perceptionAnalyzer(perception), schedule, (_frame, times) =>
    figures.addStageTimes(times),
  )
  const onSignal = () => void source.close()
  process.once('SIGINT', onSignal)
  try {
    const stats = await runLive({
      source,
      analyze: async (frame) => {
        const t0 = performance.now()
        // TF frames are placed on the host after the scene is built (TF is the source's).
        const scene = robot.attach(await analyze(frame), frame)
        figures.addScene(performance.now() - t0, scene)
        return scene
      },
      watches,
      maxFrames,
      onEvent: (e) => reportEvent(e, robot, isTty),
      onResult: async (r) => {
        const sinkStart = performance.now()
        figures.addResult(r)
        await writeSinks(r, watches, sinks, print)
        const line = figures.frameDone(r, sinkStart, source)
        if (isTty) process.stderr.write(`\r${line}\x1b[K`)
        else if (r.frameIndex % 10 === 0) process.stderr.write(`${line}\n`)
      },
    })
    if (isTty) process.stderr.write('\n')
    return printSummary(stats, figures.measures(values.json === true, schedule), print)
  } finally {
    process.off('SIGINT', onSignal)
    await source.close()
    await sinks.recorder?.close()
    const { csv } = sinks
    if (csv) await new Promise<void>((r) => csv.end(() => r()))
  }
}

/** A source event that is not a frame: TF messages feed the robot frames; errors and status go to stderr. */
function reportEvent(
  e: Exclude<SourceEvent, { kind: 'frame' }>,
  robot: RobotFrameAttacher,
  isTty: boolean,
): void {
  const line =
    e.kind === 'message' ? robot.addMessage(e.topic, e.message) : `${e.kind}: ${e.message}`
  if (line) process.stderr.write(`${isTty ? '\n' : ''}${line}\n`)
}
