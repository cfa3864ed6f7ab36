import { useRef } from 'react'
import type { PerceptionSettings } from '../../../main/perception/perceptionSettings'
import { usePopovers } from '../state/AppContext'
import type { RgbdFiles } from '../state/frameFiles'
import type { AppInfo } from '../state/useAppInfo'
import { ModelsPanel } from './ModelsPanel'
import { OpenFrameForm } from './OpenFrameForm'
import { SettingsPanel } from './SettingsPanel'

export interface HeaderProps {
  info: AppInfo | null
  isBusy: boolean
  onLoadSample(): void
  onOpenFrame(files: RgbdFiles): void
  onOpenPcd(file: File): void
  settings: PerceptionSettings
  onSettingsChange(change: Partial<PerceptionSettings>): void
}

/**
 * App name, the ways to load a scene (the sample, an RGB-D or colour-only frame, an organized PCD
 * cloud), the models and the settings. One popover at a time (AppContext: others can open one).
 */
export function Header({
  info,
  isBusy,
  onLoadSample,
  onOpenFrame,
  onOpenPcd,
  settings,
  onSettingsChange,
}: HeaderProps) {
  const { popover, toggle, close } = usePopovers()
  const pcdInput = useRef<HTMLInputElement>(null)
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="12" cy="12" r="3.5" fill="currentColor" />
          <path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" strokeWidth="2" />
        </svg>
        <h1>Spatial Lens</h1>
        {info && (
          <span className="brand-meta">
            v{info.version} · {info.host === 'serve' ? 'server' : 'desktop'}
          </span>
        )}
      </div>
      <nav className="header-actions" aria-label="Load a scene">
        <button type="button" className="button" onClick={onLoadSample} disabled={isBusy}>
          Load sample
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={popover === 'open-frame'}
          onClick={() => toggle('open-frame')}
        >
          Open frame…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => pcdInput.current?.click()}
          disabled={isBusy}
        >
          Open PCD…
        </button>
        <input
          ref={pcdInput}
          type="file"
          name="pcd"
          accept=".pcd"
          hidden
          aria-label="PCD file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) onOpenPcd(file)
          }}
        />
        <button
          type="button"
          className="button"
          aria-expanded={popover === 'models'}
          onClick={() => toggle('models')}
        >
          Models
        </button>
        <button
          type="button"
          className="button button-icon"
          aria-expanded={popover === 'settings'}
          onClick={() => toggle('settings')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M2 4h7M13 4h1M2 12h1M7 12h7M11 2v4M5 10v4"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
              fill="none"
            />
          </svg>
          Settings
        </button>
      </nav>
      {popover === 'open-frame' && (
        <OpenFrameForm
          onCancel={close}
          onSubmit={(files) => {
            close()
            onOpenFrame(files)
          }}
        />
      )}
      {popover === 'settings' && (
        <SettingsPanel settings={settings} onChange={onSettingsChange} onClose={close} />
      )}
      {popover === 'models' && <ModelsPanel onClose={close} />}
    </header>
  )
}
