import { useCallback, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import {
  applySettingsChange,
  browserStorage,
  loadPerceptionSettings,
  sameSettings,
  savePerceptionSettings,
} from './perceptionSettingsStorage'

export interface PerceptionSettingsState {
  settings: PerceptionSettings
  /**
   * Applies and stores a change. Returns the new settings, or null when nothing changed or the
   * change is not valid settings (the caller re-analyzes only on a real change).
   */
  change(change: Partial<PerceptionSettings>): PerceptionSettings | null
}

/** The perception settings of this browser, loaded from localStorage once and saved on each change. */
export function usePerceptionSettings(): PerceptionSettingsState {
  const [settings, setSettings] = useState(() => loadPerceptionSettings(browserStorage()))
  const change = useCallback(
    (partial: Partial<PerceptionSettings>) => {
      const next = applySettingsChange(settings, partial)
      if (!next || sameSettings(next, settings)) return null
      setSettings(next)
      savePerceptionSettings(browserStorage(), next)
      return next
    },
    [settings],
  )
  return { settings, change }
}
