import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { UnitSystem } from '../../../main/contract/settingsSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { useAppSettings, type AppSettingsState } from './useAppSettings'

/** The header's popovers, and which settings tab to show. */
export type PopoverName = 'sources' | 'open-frame' | 'robot-source' | 'settings' | 'models'
export type SettingsTab = 'perception' | 'depth' | 'llm' | 'display'

export interface PopoverState {
  popover: PopoverName | null
  settingsTab: SettingsTab
  open(popover: PopoverName, settingsTab?: SettingsTab): void
  toggle(popover: PopoverName): void
  close(): void
  showSettingsTab(tab: SettingsTab): void
}

interface AppContextValue {
  client: SpatialClient
  appSettings: AppSettingsState
  popovers: PopoverState
}

const AppContext = createContext<AppContextValue | null>(null)

/**
 * What panels far apart share: the client, the service's app settings (LLM, units) and the open
 * popover (so an answer card can open the LLM settings in the header).
 */
export function AppProviders({ client, children }: { client: SpatialClient; children: ReactNode }) {
  const appSettings = useAppSettings(client)
  const [popover, setPopover] = useState<PopoverName | null>(null)
  const [settingsTab, setSettingsTab] = useState<SettingsTab>('perception')
  const open = useCallback((next: PopoverName, tab?: SettingsTab) => {
    setPopover(next)
    if (tab) setSettingsTab(tab)
  }, [])
  const toggle = useCallback(
    (next: PopoverName) => setPopover((current) => (current === next ? null : next)),
    [],
  )
  const close = useCallback(() => setPopover(null), [])
  const popovers = useMemo(
    () => ({ popover, settingsTab, open, toggle, close, showSettingsTab: setSettingsTab }),
    [popover, settingsTab, open, toggle, close],
  )
  const value = useMemo(() => ({ client, appSettings, popovers }), [client, appSettings, popovers])
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext)
  if (!value) throw new Error('AppProviders is missing above this component')
  return value
}

export const useClient = () => useAppContext().client
export const useAppSettingsContext = () => useAppContext().appSettings
export const usePopovers = () => useAppContext().popovers

/** The display units (metric until the service's settings arrive). */
export function useUnits(): UnitSystem {
  return useAppContext().appSettings.settings?.units ?? 'metric'
}
