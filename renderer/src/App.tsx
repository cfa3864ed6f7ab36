import { useCallback, useEffect, useEffectEvent, useState } from 'react'
import type { PerceptionSettings } from '../../main/perception/perceptionSettings'
import type { RegionInput } from '../../main/contract/channels'
import type { SpatialClient } from './client/SpatialClient'
import { AskBox } from './components/AskBox'
import { ErrorBanner } from './components/ErrorBanner'
import { Header } from './components/Header'
import { MeasurementsPanel } from './components/MeasurementsPanel'
import { ObjectPanel } from './components/ObjectPanel'
import { RegionList } from './components/RegionList'
import { SceneStatus } from './components/SceneStatus'
import { ViewWorkspace } from './components/ViewWorkspace'
import { pcdFrameFromFile, rgbdFrameFromFiles, type RgbdFiles } from './state/frameFiles'
import { useAppInfo } from './state/useAppInfo'
import { useAsk } from './state/useAsk'
import { useMeasurementLog } from './state/useMeasurementLog'
import { usePerceptionSettings } from './state/usePerceptionSettings'
import { useSceneLoader } from './state/useSceneLoader'
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
  // The service logs each answer and click measurement itself: re-read the log after each one.
  const measurements = useMeasurementLog(client, setError, asker.run?.result ?? null)
  const [hoveredName, setHoveredName] = useState<string | null>(null)
  const [selection, setSelection] = useState<{ sceneId: string; name: string } | null>(null)
  const selectedName = selection && selection.sceneId === sceneId ? selection.name : null
  const { loadSample, load, reanalyze, changeRegions } = loader

  // Image-view regions re-analyse the frame; click measurements are logged by the service.
  const refreshLog = measurements.refresh
  const onMeasure = useCallback(() => void refreshLog(), [refreshLog])
  const changeSceneRegions = useCallback(
    (update: (regions: RegionInput[]) => RegionInput[]) => void changeRegions(update, settings),
    [changeRegions, settings],
  )

  // A new user sees a scene at once (with the stored settings; later changes re-analyze it).
  const loadFirstScene = useEffectEvent(() => void loadSample(settings))
  useEffect(() => loadFirstScene(), [])

  const openFrame = useCallback(
    (files: RgbdFiles) => void load(files.color.name, () => rgbdFrameFromFiles(files), settings),
    [load, settings],
  )
  const openPcd = useCallback(
    (file: File) => void load(file.name, () => pcdFrameFromFile(file), settings),
    [load, settings],
  )
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
        isBusy={loader.loadingName !== null}
        onLoadSample={() => void loadSample(settings)}
        onOpenFrame={openFrame}
        onOpenPcd={openPcd}
        settings={settings}
        onSettingsChange={applySettings}
      />
      {error && (
        <ErrorBanner
          error={error}
          onDismiss={() => setError(null)}
          onLoadSample={() => void loadSample(settings)}
        />
      )}
      <main className="workspace">
        <div className="viewer-area">
          <ViewWorkspace
            client={client}
            scene={scene}
            answer={asker.answer}
            highlightedName={hoveredName ?? selectedName}
            onHover={setHoveredName}
            onRegionsChange={changeSceneRegions}
            onMeasure={onMeasure}
          />
          {scene && <SceneStatus scene={scene} />}
          {loader.loadingName && (
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
              hoveredName={hoveredName}
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
          {scene && (
            <RegionList
              regions={scene.regions}
              onRemove={(region) =>
                changeSceneRegions((regions) => regions.filter((r) => r !== region))
              }
            />
          )}
          <AskBox
            key={sceneId ?? 'none'}
            objectNames={objects.map((object) => object.name)}
            asker={asker}
            isEnabled={sceneId !== null}
          />
          <MeasurementsPanel log={measurements} />
        </aside>
      </main>
    </div>
  )
}
