import { readStoredJson, writeStoredJson, type KeyValueStorage } from '../state/storedJson'
import { DEFAULT_HORIZONTAL_FOV_DEG, isValidFov } from './intrinsicsFromFov'

/** The webcam's settings, kept in this browser: the camera picked and its horizontal field of view. */
export interface LiveSettings {
  /** The browser's id of the camera to open; null: the default camera. */
  deviceId: string | null
  fovDeg: number
}

/** The localStorage key (JSON of LiveSettings). */
export const LIVE_SETTINGS_KEY = 'spatial-lens.webcam'

/** The stored settings; anything missing or invalid falls back to the defaults, field by field. */
export function loadLiveSettings(storage: KeyValueStorage | undefined): LiveSettings {
  const value = readStoredJson(storage, LIVE_SETTINGS_KEY) as Partial<LiveSettings> | undefined
  const deviceId = value?.deviceId
  const fovDeg = value?.fovDeg
  return {
    deviceId: typeof deviceId === 'string' && deviceId ? deviceId : null,
    fovDeg: typeof fovDeg === 'number' && isValidFov(fovDeg) ? fovDeg : DEFAULT_HORIZONTAL_FOV_DEG,
  }
}

export function saveLiveSettings(
  storage: KeyValueStorage | undefined,
  settings: LiveSettings,
): void {
  writeStoredJson(storage, LIVE_SETTINGS_KEY, settings)
}
