import { DEFAULT_HORIZONTAL_FOV_DEG, isValidFov } from './intrinsicsFromFov'

/** The webcam's settings, kept in this browser: the camera picked and its horizontal field of view. */
export interface LiveSettings {
  /** The browser's id of the camera to open; null: the default camera. */
  deviceId: string | null
  fovDeg: number
}

/** The localStorage key (JSON of LiveSettings). */
export const LIVE_SETTINGS_KEY = 'spatial-lens.webcam'

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  deviceId: null,
  fovDeg: DEFAULT_HORIZONTAL_FOV_DEG,
}

/** The part of Storage used here (localStorage in the app, a Map-backed object in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** The stored settings; anything missing or invalid falls back to the defaults, field by field. */
export function loadLiveSettings(storage: KeyValueStorage | undefined): LiveSettings {
  try {
    const value = JSON.parse(storage?.getItem(LIVE_SETTINGS_KEY) ?? 'null') as Partial<LiveSettings>
    return {
      deviceId: typeof value?.deviceId === 'string' && value.deviceId ? value.deviceId : null,
      fovDeg:
        typeof value?.fovDeg === 'number' && isValidFov(value.fovDeg)
          ? value.fovDeg
          : DEFAULT_HORIZONTAL_FOV_DEG,
    }
  } catch {
    return DEFAULT_LIVE_SETTINGS
  }
}

export function saveLiveSettings(
  storage: KeyValueStorage | undefined,
  settings: LiveSettings,
): void {
  try {
    storage?.setItem(LIVE_SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // Quota or privacy mode: the settings last for this page.
  }
}
