import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { isNotFound, nodeFileSystem, type StoreFileSystem } from '../calibration/calibrationFiles'
import { removeStaleTemporaries, writeFileAtomic } from '../files/atomicWrite'
import { appUserDirectory } from '../files/userDirectories'
import type { SettingsUpdate } from '../contract/settingsSchema'
import {
  applySettingsUpdate,
  DEFAULT_SETTINGS,
  storedSettingsSchema,
  type StoredSettings,
} from './settingsFile'

export const SETTINGS_FILE_NAME = 'settings.json'

/** The settings as read: a file that cannot be used gives the defaults and says why. */
export interface SettingsRead {
  settings: StoredSettings
  /** Why the stored file was not used, for the user; null when it was fine or absent. */
  problem: string | null
}

export interface SettingsStoreOptions {
  /** Default: $SPATIAL_LENS_HOME or the per-user config folder (appUserDirectory). */
  directory?: string
  fileSystem?: StoreFileSystem
  now?: () => Date
}

/** Owner-only files: the settings may hold an API key. */
export const privateFileSystem: StoreFileSystem = {
  ...nodeFileSystem,
  async writeDurable(path, data) {
    const handle = await open(path, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
}

/**
 * The app settings on disk: one JSON file, validated on every read (hand edits apply at once),
 * replaced atomically on every write, writes serialised within this process. An unreadable file
 * never stops the app: the defaults apply, and the next save first moves the file aside (kept).
 * Files are owner-only (0600), temporaries included; temporaries a crashed process left are
 * removed on the first read.
 */
export class SettingsStore {
  readonly path: string
  private readonly fileSystem: StoreFileSystem
  private readonly now: () => Date
  private writing: Promise<unknown> = Promise.resolve()
  private cleaning: Promise<unknown> | null = null

  constructor(options: SettingsStoreOptions = {}) {
    const directory = options.directory ?? appUserDirectory('config')
    this.path = join(directory, SETTINGS_FILE_NAME)
    this.fileSystem = options.fileSystem ?? privateFileSystem
    this.now = options.now ?? (() => new Date())
  }

  async load(): Promise<SettingsRead> {
    // Once per store (at start): temporaries of a crashed write may hold the API key.
    this.cleaning ??= removeStaleTemporaries(this.path)
    await this.cleaning
    let text: string
    try {
      text = await this.fileSystem.readText(this.path)
    } catch (error) {
      if (isNotFound(error)) return { settings: DEFAULT_SETTINGS, problem: null }
      return { settings: DEFAULT_SETTINGS, problem: this.unusable((error as Error).message) }
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return { settings: DEFAULT_SETTINGS, problem: this.unusable((error as Error).message) }
    }
    const parsed = storedSettingsSchema.safeParse(json)
    if (parsed.success) return { settings: parsed.data, problem: null }
    const issue = parsed.error.issues[0]
    return {
      settings: DEFAULT_SETTINGS,
      problem: this.unusable(`${issue?.path.join('.') || 'file'}: ${issue?.message}`),
    }
  }

  /** Applies a change and stores it; resolves to the settings now in force. */
  update(change: SettingsUpdate): Promise<SettingsRead> {
    const next = this.writing.then(() => this.write(change))
    this.writing = next.catch(() => undefined)
    return next
  }

  private async write(change: SettingsUpdate): Promise<SettingsRead> {
    const current = await this.load()
    const settings = applySettingsUpdate(current.settings, change)
    await this.fileSystem.mkdirs(join(this.path, '..'))
    if (current.problem) await this.moveAside()
    await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`, this.fileSystem)
    return { settings, problem: null }
  }

  /** Keeps an unreadable file beside the new one (never lose what the user wrote). */
  private async moveAside(): Promise<void> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    await this.fileSystem.rename(this.path, `${this.path}.unreadable-${stamp}`).catch((error) => {
      if (!isNotFound(error)) throw error
    })
  }

  private unusable(reason: string): string {
    return `the settings file ${this.path} could not be used (${reason}); the defaults apply, and saving the settings keeps the old file beside the new one`
  }
}
