import { useCallback, useState } from 'react'
import {
  loadLiveSettings,
  saveLiveSettings,
  type LiveSettings,
} from '../sources/liveSettingsStorage'
import { browserStorage } from './perceptionSettingsStorage'

/** The webcam's settings, loaded from this browser and saved back on every change. */
export function useLiveSettings(): {
  settings: LiveSettings
  changeSettings(change: Partial<LiveSettings>): void
} {
  const [settings, setSettings] = useState(() => loadLiveSettings(browserStorage()))
  const changeSettings = useCallback((change: Partial<LiveSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change }
      saveLiveSettings(browserStorage(), next)
      return next
    })
  }, [])
  return { settings, changeSettings }
}
