import { useRef, useState } from 'react'
import type { RgbdFiles } from '../state/frameFiles'
import type { AppInfo } from '../state/useAppInfo'
import { OpenFrameForm } from './OpenFrameForm'

export interface HeaderProps {
  info: AppInfo | null
  isBusy: boolean
  onLoadSample(): void
  onOpenFrame(files: RgbdFiles): void
  onOpenPcd(file: File): void
}

/** App name and the ways to load a scene: the sample, an RGB-D frame, an organized PCD cloud. */
export function Header({ info, isBusy, onLoadSample, onOpenFrame, onOpenPcd }: HeaderProps) {
  const [isFormOpen, setFormOpen] = useState(false)
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
          aria-expanded={isFormOpen}
          onClick={() => setFormOpen(!isFormOpen)}
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
      </nav>
      {isFormOpen && (
        <OpenFrameForm
          onCancel={() => setFormOpen(false)}
          onSubmit={(files) => {
            setFormOpen(false)
            onOpenFrame(files)
          }}
        />
      )}
    </header>
  )
}
