import { useCallback, useEffect, useMemo, useState } from 'react'
import type {
  AppSettings,
  LlmTestResult,
  SettingsUpdate,
} from '../../../main/contract/settingsSchema'
import type { SpatialClient } from '../client/SpatialClient'

export interface AppSettingsState {
  /** The service's settings; null until they arrive (or when they could not be read). */
  settings: AppSettings | null
  /** Why loading failed (the connection), for the settings panel. */
  loadError: string | null
  /** Stores a change in the service; rejects with the service's message (e.g. a malformed spec). */
  update(change: SettingsUpdate): Promise<AppSettings>
  /** Tests an LLM: the given spec and key, else the stored ones. */
  testLlm(input: { spec?: string; apiKey?: string }): Promise<LlmTestResult>
}

/** The app settings kept by the service (LLM, units): loaded once, replaced by each update. */
export function useAppSettings(client: SpatialClient): AppSettingsState {
  const [settings, setSettings] = useState<AppSettings | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    client.invoke('settings:get', {}).then(
      (value) => isCurrent && setSettings(value),
      (error: Error) => isCurrent && setLoadError(error.message),
    )
    return () => {
      isCurrent = false
    }
  }, [client])
  const update = useCallback(
    async (change: SettingsUpdate) => {
      const next = await client.invoke('settings:update', change)
      setSettings(next)
      setLoadError(null)
      return next
    },
    [client],
  )
  const testLlm = useCallback(
    (input: { spec?: string; apiKey?: string }) => client.invoke('llm:test', input),
    [client],
  )
  return useMemo(
    () => ({ settings, loadError, update, testLlm }),
    [settings, loadError, update, testLlm],
  )
}
