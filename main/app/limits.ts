import { UserError } from './userError'
/**
 * Every resource limit of the data path in one place: defaults, the environment variable that
 * changes each, and one reader. Hosts (Electron, `serve`, the CLI) and the scene workers read the
 * same environment (workers inherit it), so one `SPATIAL_LENS_…` variable changes a limit
 * everywhere. Pure: no node imports; the caller passes the environment.
 */
export interface Limits {
  /** Pixels per decoded image (colour, depth, mask, 2D detection): checked on the file's header before decoding. */
  maxImagePixels: number
  /** Points per point cloud (PCD POINTS), checked against the header before any buffer is made. */
  maxCloudPoints: number
  /** Time one scene analysis may take in a worker before it is stopped and the worker replaced (ms). */
  analysisTimeoutMs: number
  /** Scene worker threads (at least 2, so one slow frame never blocks the others). */
  sceneWorkers: number
  /** Bytes of kept scenes (depth, image, points) the service holds for follow-up questions. */
  sceneCacheBytes: number
  /** Bytes of one measurement-log record as a JSON line. */
  maxLogRecordBytes: number
  /** Bytes of the measurement-log file: appends beyond it are refused with a message. */
  maxLogFileBytes: number
  /** Records `log:list` returns (the newest; the reply says how many older ones were left out). */
  maxListedRecords: number
}

/** The defaults, and the environment variable behind each. */
export const LIMIT_DEFAULTS: {
  readonly [K in keyof Limits]: { value: number; env: string; min: number }
} = {
  maxImagePixels: { value: 40_000_000, env: 'SPATIAL_LENS_MAX_IMAGE_PIXELS', min: 1 },
  maxCloudPoints: { value: 40_000_000, env: 'SPATIAL_LENS_MAX_CLOUD_POINTS', min: 1 },
  analysisTimeoutMs: { value: 120_000, env: 'SPATIAL_LENS_ANALYSIS_TIMEOUT_MS', min: 1 },
  sceneWorkers: { value: 2, env: 'SPATIAL_LENS_SCENE_WORKERS', min: 2 },
  sceneCacheBytes: { value: 1024 * 1024 * 1024, env: 'SPATIAL_LENS_SCENE_CACHE_BYTES', min: 1 },
  maxLogRecordBytes: { value: 64 * 1024, env: 'SPATIAL_LENS_MAX_LOG_RECORD_BYTES', min: 1024 },
  maxLogFileBytes: { value: 256 * 1024 * 1024, env: 'SPATIAL_LENS_MAX_LOG_FILE_BYTES', min: 1024 },
  maxListedRecords: { value: 10_000, env: 'SPATIAL_LENS_MAX_LISTED_RECORDS', min: 1 },
}

/**
 * The limits in force: each default unless its environment variable holds a whole number ≥ its
 * minimum. A malformed value throws (a typo must not silently leave a host unbounded).
 */
export function readLimits(env: Record<string, string | undefined>): Limits {
  const limits = {} as Limits
  for (const key of Object.keys(LIMIT_DEFAULTS) as (keyof Limits)[]) {
    const { value, env: name, min } = LIMIT_DEFAULTS[key]
    const text = env[name]?.trim()
    if (text === undefined || text === '') {
      limits[key] = value
      continue
    }
    const parsed = Number(text)
    if (!Number.isSafeInteger(parsed) || parsed < min) {
      throw new LimitConfigError(
        `${name} must be a whole number ≥ ${min} (got "${text.slice(0, 40)}"); unset it for the default ${value}`,
      )
    }
    limits[key] = parsed
  }
  return limits
}

/** A limit set to a value that is not a number: a user error (the message names the variable). */
export class LimitConfigError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/** {@link readLimits} over this process's environment (read on every call, so tests can change it). */
export function currentLimits(): Limits {
  return readLimits(process.env)
}
