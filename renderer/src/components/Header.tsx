import type { ReactNode } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { usePopovers, type PopoverName } from '../state/AppContext'
import type { RgbdFiles } from '../state/frameFiles'
import type { AppInfo } from '../state/useAppInfo'
import { runShortcut, useShortcut } from '../state/useShortcut'
import { ModelsPanel } from './ModelsPanel'
import { OpenFrameForm } from './OpenFrameForm'
import { SettingsPanel } from './SettingsPanel'
import type { CalibrationTarget } from '../state/calibrationTarget'
import { SourcesMenu } from './SourcesMenu'

export interface HeaderProps {
  info: AppInfo | null
  onLoadSample(): void
  onOpenFrame(files: RgbdFiles): void
  onOpenPcd(file: File): void
  onOpenFolder(files: File[]): void
  onStartWebcam(): void
  settings: PerceptionSettings
  onSettingsChange(change: Partial<PerceptionSettings>): void
  calibrationTarget: CalibrationTarget | null
  /** The robot source dialog, drawn while its popover is open. */
  renderRobotSource(onClose: () => void): ReactNode
}

/**
 * App name, the Sources menu (sample, RGB-D frame, PCD cloud, folder sequence, webcam), the models,
 * the settings and the shortcut list. One popover at a time (AppContext: others can open one); Esc
 * closes it.
 */
export function Header({
  info,
  onLoadSample,
  onOpenFrame,
  onOpenPcd,
  onOpenFolder,
  onStartWebcam,
  settings,
  onSettingsChange,
  calibrationTarget,
  renderRobotSource,
}: HeaderProps) {
  const { popover, open, toggle, close } = usePopovers()
  useShortcut('load-sample', () => {
    close()
    onLoadSample()
  })
  useShortcut('open-frame', () => open('open-frame'))
  useShortcut('close', popover ? close : null)
  return (
    <header className="app-header">
      <Brand info={info} />
      <nav className="header-actions" aria-label="Load a scene">
        <SourcesMenu
          isOpen={popover === 'sources'}
          onToggle={() => toggle('sources')}
          onClose={close}
          onLoadSample={onLoadSample}
          onOpenFrameForm={() => open('open-frame')}
          onOpenPcd={onOpenPcd}
          onOpenFolder={onOpenFolder}
          onStartWebcam={onStartWebcam}
          onOpenRobotSource={() => open('robot-source')}
        />
        <HeaderButtons popover={popover} toggle={toggle} />
      </nav>
      <HeaderPopovers
        popover={popover}
        close={close}
        onOpenFrame={onOpenFrame}
        settings={settings}
        onSettingsChange={onSettingsChange}
        calibrationTarget={calibrationTarget}
        renderRobotSource={renderRobotSource}
      />
    </header>
  )
}

function Brand({ info }: { info: AppInfo | null }) {
  return (
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
  )
}

function SettingsIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M2 4h7M13 4h1M2 12h1M7 12h7M11 2v4M5 10v4"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  )
}

/** The header's popovers, one at a time (`popover` names the open one). */
function HeaderPopovers(
  props: Pick<
    HeaderProps,
    'onOpenFrame' | 'settings' | 'onSettingsChange' | 'calibrationTarget' | 'renderRobotSource'
  > & { popover: PopoverName | null; close(): void },
) {
  const { popover, close, onOpenFrame, settings, onSettingsChange, calibrationTarget } = props
  return (
    <>
      {popover === 'open-frame' && (
        <OpenFrameForm
          onCancel={close}
          onSubmit={(files) => {
            close()
            onOpenFrame(files)
          }}
        />
      )}
      {popover === 'robot-source' && props.renderRobotSource(close)}
      {popover === 'settings' && (
        <SettingsPanel
          settings={settings}
          onChange={onSettingsChange}
          calibrationTarget={calibrationTarget}
          onClose={close}
        />
      )}
      {popover === 'models' && <ModelsPanel onClose={close} />}
    </>
  )
}

/** Models, Settings and the shortcut list. */
function HeaderButtons(props: { popover: PopoverName | null; toggle(name: PopoverName): void }) {
  const { popover, toggle } = props
  return (
    <>
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
        <SettingsIcon />
        Settings
      </button>
      <button
        type="button"
        className="button button-quiet button-square"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => runShortcut('help')}
      >
        ?
      </button>
    </>
  )
}
