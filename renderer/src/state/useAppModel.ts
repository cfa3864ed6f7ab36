import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { RegionInput } from '../../../main/contract/channels'
import type { SpatialClient } from '../client/SpatialClient'
import type { AskBoxShown } from '../components/AskBox'
import { calibrationTargetOf } from './calibrationTarget'
import { useAppInfo } from './useAppInfo'
import { useAsk, type AskState } from './useAsk'
import { useMeasurementLog, type MeasurementLogState } from './useMeasurementLog'
import { usePerceptionSettings } from './usePerceptionSettings'
import { usePinnedQuestions, type PinnedQuestions } from './usePinnedQuestions'
import { useSceneLoader, type LoadedScene } from './useSceneLoader'
import { useSources } from './useSources'
import { useVerify, type VerifyState } from './useVerify'
import { useRobotSource, type RobotSource } from './useRobotSource'
import type { UiError } from './uiError'

/** Everything the page shows, wired from the client: the page's components only draw it. */
export type AppModel = ReturnType<typeof useAppModel>

/**
 * The page's state: the scene loader and the sources feeding it, questions (asked, verified,
 * pinned), the measurement log, the object selection, and the perception settings (a change
 * re-analyses the frame on screen, or restarts a robot source's analysis).
 */
export function useAppModel(client: SpatialClient) {
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
  const logRefreshKey = useLogRefreshKey(asker, verifier, pinned, robot)
  const measurements = useMeasurementLog(client, setError, logRefreshKey)
  const selection = useObjectSelection(sceneId)
  const isRobotActive = sources.active === 'robot' && robot.choice !== null
  const { loadSample, reanalyze, changeRegions } = loader
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
  const { restart: restartRobot } = robot
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
  const calibrationTarget = useCalibrationTarget(scene, measurements)
  return {
    ...{ error, setError, info, settings, applySettings, loader, scene, sceneId },
    ...{ asker, verifier, askShown, setAskShown, highlight, pinned, robot, sources },
    ...{ measurements, selection, onMeasure, changeSceneRegions, calibrationTarget },
  }
}

/**
 * The service logs each answer (pinned ones too), verdict, watch event and click measurement
 * itself: the log is re-read when one of these changes.
 */
function useLogRefreshKey(
  asker: AskState,
  verifier: VerifyState,
  pinned: PinnedQuestions,
  robot: RobotSource,
): object {
  const askedResult = asker.run?.result ?? null
  const verdict = verifier.verification
  const watchRows = robot.loggedWatchEvents
  return useMemo(
    () => ({ askedResult, verdict, pinnedValues: pinned.values, watchRows }),
    [askedResult, verdict, pinned.values, watchRows],
  )
}

/** The hovered object, and the object selected in the panel (forgotten when the scene changes). */
function useObjectSelection(sceneId: string | null) {
  const [hoveredName, setHoveredName] = useState<string | null>(null)
  const [selection, setSelection] = useState<{ sceneId: string; name: string } | null>(null)
  const selectedName = selection && selection.sceneId === sceneId ? selection.name : null
  const select = useCallback(
    (name: string | null) => setSelection(name && sceneId ? { sceneId, name } : null),
    [sceneId],
  )
  return { hoveredName, setHoveredName, selectedName, select }
}

/** What the calibration settings would calibrate from: the scene on screen and the logged measurements. */
function useCalibrationTarget(scene: LoadedScene | null, measurements: MeasurementLogState) {
  const { list } = measurements
  return useMemo(
    () =>
      scene
        ? calibrationTargetOf(scene.result.summary, scene.sourceName, list?.records ?? [])
        : null,
    [scene, list],
  )
}
