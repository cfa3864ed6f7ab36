import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { usePopovers, type SettingsTab } from '../state/AppContext'
import { CalibrationSettingsSection } from './CalibrationSettingsSection'
import type { CalibrationTarget } from '../state/calibrationTarget'
import { DisplaySettingsSection } from './DisplaySettingsSection'
import { LlmSettingsSection } from './LlmSettingsSection'
import { PerceptionSettingsSection } from './PerceptionSettingsSection'

export interface SettingsPanelProps {
  settings: PerceptionSettings
  onChange(change: Partial<PerceptionSettings>): void
  /** The current frame, for Depth → calibrate its camera; null without a scene. */
  calibrationTarget: CalibrationTarget | null
  onClose(): void
}

const TABS: { value: SettingsTab; label: string }[] = [
  { value: 'perception', label: 'Perception' },
  { value: 'depth', label: 'Depth' },
  { value: 'llm', label: 'Language model' },
  { value: 'display', label: 'Display' },
]

/**
 * The settings popover: perception (kept in this browser, re-analyzes the frame), depth
 * calibrations, the language model for multi-step questions and the display units (the last three
 * kept by the service).
 */
export function SettingsPanel({
  settings,
  onChange,
  calibrationTarget,
  onClose,
}: SettingsPanelProps) {
  const { settingsTab, showSettingsTab } = usePopovers()
  return (
    <form
      className="popover settings"
      aria-label="Settings"
      onSubmit={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="tabs" role="tablist" aria-label="Settings sections">
        {TABS.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            className="tab"
            aria-selected={settingsTab === tab.value}
            onClick={() => showSettingsTab(tab.value)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {settingsTab === 'perception' && (
        <PerceptionSettingsSection settings={settings} onChange={onChange} />
      )}
      {settingsTab === 'depth' && <CalibrationSettingsSection target={calibrationTarget} />}
      {settingsTab === 'llm' && <LlmSettingsSection />}
      {settingsTab === 'display' && <DisplaySettingsSection />}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  )
}
