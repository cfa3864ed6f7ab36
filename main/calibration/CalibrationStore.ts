import { join } from 'node:path'
import type { DepthCalibration } from '../engine/depth/types'
import {
  calibrationFileName,
  isNotFound,
  nodeFileSystem,
  resolveCalibrationDirectory,
  type StoreFileSystem,
} from './calibrationFiles'
import { writeFileAtomic } from '../files/atomicWrite'
import {
  CALIBRATION_SCHEMA_VERSION,
  cameraCalibrationFileSchema,
  describeIssues,
  fromJson,
  storedCalibrationSchema,
  toJson,
  type CameraCalibrationFile,
  type StoredCalibration,
} from '../contract/calibrationSchema'
import type { DepthCalibrationValues } from '../contract/depthCalibrationSchema'

// The engine's DepthCalibration and the contract's schema are one shape: fail to compile when they drift apart.
type Fits<A extends B, B> = A
export type DepthCalibrationFitsContract = [
  Fits<DepthCalibration, DepthCalibrationValues>,
  Fits<DepthCalibrationValues, DepthCalibration>,
]

/** A camera's file as read: absent, valid, or unreadable with a message for the user. */
type CameraRead =
  | { status: 'missing'; path: string }
  | { status: 'ok'; path: string; file: CameraCalibrationFile }
  | { status: 'unreadable'; path: string; message: string }

export type CalibrationLookup =
  | { status: 'found'; calibration: StoredCalibration }
  | { status: 'missing' }
  | { status: 'unreadable'; path: string; message: string }

export interface CalibrationListing {
  calibrations: StoredCalibration[]
  /** Files that could not be read; their cameras are left out, the others are listed. */
  problems: { path: string; message: string }[]
}

export interface SaveCalibrationInput {
  cameraId: string
  modelId: string
  calibration: DepthCalibration
  note?: string
  /** ISO 8601; default now. */
  createdAt?: string
}

export interface SaveResult {
  calibration: StoredCalibration
  path: string
  /** Where an unreadable file for this camera was moved before writing a fresh one. */
  movedAsidePath?: string
}

export interface CalibrationStoreOptions {
  /** Default: resolveCalibrationDirectory() ($SPATIAL_LENS_HOME or the per-user config folder). */
  directory?: string
  fileSystem?: StoreFileSystem
  now?: () => Date
}

/**
 * Per-camera depth calibrations on disk: one JSON file per camera (model id → calibration),
 * validated with zod on every read, replaced atomically (temporary file + rename) on every write.
 * A corrupt file is reported with its path and never throws out of a read; it affects only its own
 * camera, and saving for that camera first moves it aside (nothing is deleted). Writes to one
 * camera are serialised within this process.
 */
export class CalibrationStore {
  readonly directory: string
  private readonly fileSystem: StoreFileSystem
  private readonly now: () => Date
  private readonly locks = new Map<string, Promise<unknown>>()

  constructor(options: CalibrationStoreOptions = {}) {
    this.directory = options.directory ?? resolveCalibrationDirectory()
    this.fileSystem = options.fileSystem ?? nodeFileSystem
    this.now = options.now ?? (() => new Date())
  }

  /** The file holding a camera's calibrations. */
  pathFor(cameraId: string): string {
    return join(this.directory, calibrationFileName(cameraId))
  }

  /** The calibration of one model for one camera. Never throws for a bad file: 'unreadable'. */
  async get(cameraId: string, modelId: string): Promise<CalibrationLookup> {
    const read = await this.readCamera(cameraId)
    if (read.status === 'unreadable') return read
    const entry = read.status === 'ok' ? read.file.calibrations[modelId] : undefined
    return entry
      ? { status: 'found', calibration: fromJson(cameraId, entry) }
      : { status: 'missing' }
  }

  /** Every readable calibration, and the files that could not be read. */
  async list(): Promise<CalibrationListing> {
    let names: string[]
    try {
      names = await this.fileSystem.list(this.directory)
    } catch (error) {
      if (isNotFound(error)) return { calibrations: [], problems: [] }
      throw error
    }
    const listing: CalibrationListing = { calibrations: [], problems: [] }
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const read = await this.readFile(join(this.directory, name))
      if (read.status === 'unreadable')
        listing.problems.push({ path: read.path, message: read.message })
      if (read.status !== 'ok') continue
      for (const entry of Object.values(read.file.calibrations)) {
        listing.calibrations.push(fromJson(read.file.cameraId, entry))
      }
    }
    return listing
  }

  /** Stores (or replaces) a model's calibration for a camera, keeping the camera's other entries. */
  async save(input: SaveCalibrationInput): Promise<SaveResult> {
    const stored: StoredCalibration = {
      ...input.calibration,
      cameraId: input.cameraId,
      modelId: input.modelId,
      createdAt: input.createdAt ?? this.now().toISOString(),
      ...(input.note !== undefined ? { note: input.note } : {}),
    }
    const checked = storedCalibrationSchema.safeParse(toJson(stored))
    if (!checked.success) {
      throw new RangeError(
        `calibration for ${input.cameraId} / ${input.modelId} is not valid: ${describeIssues(checked.error)}`,
      )
    }
    const path = this.pathFor(input.cameraId)
    return this.withLock(path, async () => {
      const read = await this.readCamera(input.cameraId)
      let movedAsidePath: string | undefined
      if (read.status === 'unreadable') {
        movedAsidePath = `${path}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`
        await this.fileSystem.rename(path, movedAsidePath)
      }
      const calibrations = read.status === 'ok' ? { ...read.file.calibrations } : {}
      calibrations[input.modelId] = checked.data
      await this.write(path, {
        schemaVersion: CALIBRATION_SCHEMA_VERSION,
        cameraId: input.cameraId,
        calibrations,
      })
      return { calibration: stored, path, ...(movedAsidePath ? { movedAsidePath } : {}) }
    })
  }

  /** Removes a model's calibration for a camera; false when there was none or the file is unreadable. */
  async remove(cameraId: string, modelId: string): Promise<boolean> {
    const path = this.pathFor(cameraId)
    return this.withLock(path, async () => {
      const read = await this.readCamera(cameraId)
      if (read.status !== 'ok' || !(modelId in read.file.calibrations)) return false
      const calibrations = { ...read.file.calibrations }
      delete calibrations[modelId]
      await this.write(path, { ...read.file, calibrations })
      return true
    })
  }

  private async write(path: string, file: CameraCalibrationFile): Promise<void> {
    await this.fileSystem.mkdirs(this.directory)
    await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`, this.fileSystem)
  }

  private async readCamera(cameraId: string): Promise<CameraRead> {
    const read = await this.readFile(this.pathFor(cameraId))
    if (read.status === 'ok' && read.file.cameraId !== cameraId) {
      return this.unreadable(
        read.path,
        `it belongs to camera "${read.file.cameraId}", not "${cameraId}"`,
      )
    }
    return read
  }

  private async readFile(path: string): Promise<CameraRead> {
    let text: string
    try {
      text = await this.fileSystem.readText(path)
    } catch (error) {
      if (isNotFound(error)) return { status: 'missing', path }
      return this.unreadable(path, error instanceof Error ? error.message : String(error))
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return this.unreadable(
        path,
        `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    const parsed = cameraCalibrationFileSchema.safeParse(json)
    if (!parsed.success) return this.unreadable(path, describeIssues(parsed.error))
    return { status: 'ok', path, file: parsed.data }
  }

  private unreadable(path: string, reason: string): CameraRead {
    return {
      status: 'unreadable',
      path,
      message:
        `calibration file ${path} cannot be used: ${reason}. ` +
        'Fix or delete the file, or calibrate this camera again (the old file is then kept beside it as .corrupt-*)',
    }
  }

  private withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(path) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    this.locks.set(path, settled)
    void settled.then(() => {
      if (this.locks.get(path) === settled) this.locks.delete(path)
    })
    return run
  }
}
