import { useCallback, useEffect, useEffectEvent, useState } from 'react'
import type { PerceptionSettings } from '../../main/perception/perceptionSettings'
import type { SpatialClient } from './client/SpatialClient'
import { AskBox } from './components/AskBox'
import { ErrorBanner } from './components/ErrorBanner'
import { Header } from './components/Header'
import { KeyboardShortcuts } from './components/KeyboardShortcuts'
import { LiveView } from './components/LiveView'
import { ObjectPanel } from './components/ObjectPanel'
import { PinnedPanel } from './components/PinnedPanel'
import { SceneStatus } from './components/SceneStatus'
import { SceneViewer } from './components/SceneViewer'
import { SourceBar } from './components/SourceBar'
import { useAppInfo } from './state/useAppInfo'
import { useAsk } from './state/useAsk'
import { usePerceptionSettings } from './state/usePerceptionSettings'
import { usePinnedQuestions } from './state/usePinnedQuestions'
import { useSceneLoader } from './state/useSceneLoader'
import { useSources } from './state/useSources'
import type { UiError } from './state/uiError'

/** The page: wires the client to the loaders, the panels and the 3D view. Holds no logic of its own. */
export function App({ client }: { client: SpatialClient }) {
  const [error, setError] = useState<UiError | null>(null)
  const info = useAppInfo(client)
  const { settings, change: changeSettings } = usePerceptionSettings()
  const loader = useSceneLoader(client, setError)
  const scene = loader.scene
  const sceneId = scene?.result.summary.sceneId ?? null
  const asker = useAsk(client, sceneId, setError)
  const sources = useSources(client, loader, settings, setError)
  const pinned = usePinnedQuestions(client, sceneId, scene?.sourceName ?? null)
  const [hoveredName, setHoveredName] = useState<string | null>(null)
  const [selection, setSelection] = useState<{ sceneId: string; name: string } | null>(null)
  const selectedName = selection && selection.sceneId === sceneId ? selection.name : null
  const { loadSample, reanalyze } = loader

  // A new user sees a scene at once (with the stored settings; later changes re-analyze it).
  const loadFirstScene = useEffectEvent(() => void loadSample(settings))
  useEffect(() => loadFirstScene(), [])

  const applySettings = useCallback(
    (change: Partial<PerceptionSettings>) => {
      const next = changeSettings(change)
      // OWLv2 without names would only fail: wait until the user types them.
      if (next && !(next.detector === 'owlv2' && next.queries.length === 0)) void reanalyze(next)
    },
    [changeSettings, reanalyze],
  )
  const select = useCallback(
    (name: string | null) => setSelection(name && sceneId ? { sceneId, name } : null),
    [sceneId],
  )
  const objects = scene?.result.summary.objects ?? []

  return (
    <div className="app">
      <Header
        info={info}
        onLoadSample={sources.loadSample}
        onOpenFrame={sources.openFrame}
        onOpenPcd={sources.openPcd}
        onOpenFolder={sources.openFolder}
        onStartWebcam={sources.startWebcam}
        settings={settings}
        onSettingsChange={applySettings}
      />
      {error && (
        <ErrorBanner
          error={error}
          onDismiss={() => setError(null)}
          onLoadSample={sources.loadSample}
        />
      )}
      <main className="workspace">
        <div className="viewer-area">
          <SceneViewer
            scene={scene?.result ?? null}
            answer={asker.answer}
            highlightedName={hoveredName ?? selectedName}
          />
          {scene && <SceneStatus scene={scene} />}
          {sources.active === 'webcam' && sources.camera.status !== 'off' && (
            <LiveView camera={sources.camera} minScore={settings.minScore} />
          )}
          <SourceBar sources={sources} />
          {loader.loadingName && sources.active === 'frame' && (
            <div className="loading" role="status">
              <span className="spinner" aria-hidden="true" />
              Analyzing {loader.loadingName}…
            </div>
          )}
        </div>
        <aside className="side-panel">
          {scene ? (
            <ObjectPanel
              objects={objects}
              perception={scene.result.summary.perception}
              selectedName={selectedName}
              onHover={setHoveredName}
              onSelect={select}
            />
          ) : (
            <section className="panel-section">
              <p className="empty">
                {loader.loadingName
                  ? 'Loading the scene…'
                  : 'No scene loaded. Load the sample or open a frame.'}
              </p>
            </section>
          )}
          <PinnedPanel pinned={pinned} sceneId={sceneId} />
          <AskBox
            objectNames={objects.map((object) => object.name)}
            answer={asker.answer}
            isAsking={asker.isAsking}
            isEnabled={sceneId !== null}
            onAsk={(question) => void asker.ask(question)}
            isPinned={pinned.isPinned}
            onTogglePin={pinned.toggle}
          />
        </aside>
      </main>
      <KeyboardShortcuts />
    </div>
  )
}
