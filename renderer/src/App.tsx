import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react'
import type { PerceptionSettings } from '../../main/contract/perceptionSettings'
import type { RegionInput } from '../../main/contract/channels'
import type { SpatialClient } from './client/SpatialClient'
import { AskBox, type AskBoxShown } from './components/AskBox'
import { DatasetPanel } from './components/DatasetPanel'
import { ErrorBanner } from './components/ErrorBanner'
import { Header } from './components/Header'
import { KeyboardShortcuts } from './components/KeyboardShortcuts'
import { LiveView } from './components/LiveView'
import { MeasurementsPanel } from './components/MeasurementsPanel'
import { ObjectPanel } from './components/ObjectPanel'
import { PinnedPanel } from './components/PinnedPanel'
import { RegionList } from './components/RegionList'
import { SceneStatus } from './components/SceneStatus'
import { SourceBar } from './components/SourceBar'
import { ViewWorkspace } from './components/ViewWorkspace'
import { calibrationTargetOf } from './state/calibrationTarget'
import { useAppInfo } from './state/useAppInfo'
import { useAsk } from './state/useAsk'
import { useMeasurementLog } from './state/useMeasurementLog'
import { usePerceptionSettings } from './state/usePerceptionSettings'
import { usePinnedQuestions } from './state/usePinnedQuestions'
import { useSceneLoader } from './state/useSceneLoader'
import { useSources } from './state/useSources'
import { useVerify } from './state/useVerify'
import { useRobotSource } from './state/useRobotSource'
import { RobotSourceDialog } from './components/RobotSourceDialog'
import { SourceTimeline } from './components/SourceTimeline'
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
  const verifier = useVerify(client, sceneId, setError)
  const [askShown, setAskShown] = useState<AskBoxShown>('answer')
  // What the views highlight: the shown answer, or the verified statement's two objects.
  const highlight = askShown === 'verdict' ? verifier.verification : asker.answer
  // A robot source's frames are analysed on the service: their pinned questions are watch queries there.
  const isRobotFrame = scene !== null && scene.frame === null
  const pinned = usePinnedQuestions(
    client,
    isRobotFrame ? null : sceneId,
    scene?.sourceName ?? null,
  )
  const robot = useRobotSource(client, loader, pinned.questions, setError)
  const sources = useSources(client, loader, settings, setError, robot)
  // The service logs each answer (pinned ones too) and click measurement itself: re-read the log
  // after each one.
  const askedResult = asker.run?.result ?? null
  const verdict = verifier.verification
  const watchRows = robot.loggedWatchEvents
  const logRefreshKey = useMemo(
    () => ({ askedResult, verdict, pinnedValues: pinned.values, watchRows }),
    [askedResult, verdict, pinned.values, watchRows],
  )
  const measurements = useMeasurementLog(client, setError, logRefreshKey)
  const [hoveredName, setHoveredName] = useState<string | null>(null)
  const [selection, setSelection] = useState<{ sceneId: string; name: string } | null>(null)
  const selectedName = selection && selection.sceneId === sceneId ? selection.name : null
  const { loadSample, reanalyze, changeRegions } = loader
  const isRobotActive = sources.active === 'robot' && robot.choice !== null
  const { restart: restartRobot } = robot

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

  const applySettings = useCallback(
    (change: Partial<PerceptionSettings>) => {
      const next = changeSettings(change)
      // OWLv2 without names would only fail: wait until the user types them.
      if (!next || (next.detector === 'owlv2' && next.queries.length === 0)) return
      // A robot source's next frames use them (the service analyses its frames).
      if (isRobotActive) restartRobot(next)
      else void reanalyze(next)
    },
    [changeSettings, reanalyze, isRobotActive, restartRobot],
  )
  const select = useCallback(
    (name: string | null) => setSelection(name && sceneId ? { sceneId, name } : null),
    [sceneId],
  )
  const objects = scene?.result.summary.objects ?? []
  const calibrationTarget = useMemo(
    () =>
      scene
        ? calibrationTargetOf(
            scene.result.summary,
            scene.sourceName,
            measurements.list?.records ?? [],
          )
        : null,
    [scene, measurements.list],
  )

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
        calibrationTarget={calibrationTarget}
        renderRobotSource={(close) => (
          <RobotSourceDialog
            client={client}
            robot={robot}
            onClose={close}
            onStart={(choice, logging) => {
              close()
              sources.startRobot(choice, logging)
            }}
          />
        )}
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
          <ViewWorkspace
            client={client}
            scene={scene}
            answer={highlight}
            highlightedName={hoveredName ?? selectedName}
            selectedName={selectedName}
            onHover={setHoveredName}
            onRegionsChange={changeSceneRegions}
            onMeasure={onMeasure}
            live={sources.active === 'robot' ? robot.live : null}
          />
          {scene && <SceneStatus scene={scene} />}
          {sources.active === 'webcam' && sources.camera.status !== 'off' && (
            <LiveView camera={sources.camera} minScore={settings.minScore} />
          )}
          <SourceBar sources={sources} />
          {sources.active === 'robot' && <SourceTimeline robot={robot} />}
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
          <PinnedPanel
            pinned={pinned}
            sceneId={sceneId}
            watches={
              sources.active === 'robot' && robot.choice ? (robot.shown?.watches ?? []) : null
            }
            refusedWatches={robot.refusedWatches}
          />
          <AskBox
            objectNames={objects.map((object) => object.name)}
            asker={asker}
            verifier={verifier}
            shown={askShown}
            onShownChange={setAskShown}
            isEnabled={sceneId !== null}
            isPinned={pinned.isPinned}
            onTogglePin={pinned.toggle}
          />
          <MeasurementsPanel log={measurements} />
          <DatasetPanel />
        </aside>
      </main>
      <KeyboardShortcuts />
    </div>
  )
}
