import { useCallback, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SpatialClient } from '../client/SpatialClient'
import { pcdFrameFromFile, rgbdFrameFromFiles, type RgbdFiles } from './frameFiles'
import { useLiveCamera, type LiveCamera } from './useLiveCamera'
import { useSequencePlayer, type SequencePlayer } from './useSequencePlayer'
import type { SceneLoader } from './useSceneLoader'
import type { UiError } from './uiError'
import type { RobotSource, WatchLogging } from './useRobotSource'
import type { SourceTopicChoice } from '../../../main/contract/sourceSchema'

/** Where scenes come from now: single frames (sample, RGB-D, PCD), a folder sequence, the webcam, or a robot source (MCAP, rosbridge). */
export type ActiveSource = 'frame' | 'sequence' | 'webcam' | 'robot'

export interface Sources {
  active: ActiveSource
  sequence: SequencePlayer
  camera: LiveCamera
  loadSample(): void
  openFrame(files: RgbdFiles): void
  openPcd(file: File): void
  openFolder(files: File[]): void
  startWebcam(): void
  /** Starts the opened robot source's frames with the chosen topics. */
  startRobot(choice: SourceTopicChoice, logging: WatchLogging): void
  /** Play/pause the sequence, or start/stop the webcam: what Space does. */
  togglePlayback(): void
  /** Ends the sequence or the webcam; the scene on screen stays. */
  closeSource(): void
}

/**
 * The sources, one at a time: opening one stops the webcam and closes the sequence, so frames of
 * two sources never race for the 3D view.
 */
export function useSources(
  client: SpatialClient,
  loader: SceneLoader,
  perception: PerceptionSettings,
  reportError: (error: UiError | null) => void,
  robot: RobotSource,
): Sources {
  const [active, setActive] = useState<ActiveSource>('frame')
  const sequence = useSequencePlayer(loader, perception, reportError)
  const camera = useLiveCamera(client, loader, perception, reportError)
  const { load, loadSample } = loader
  const { close: closeSequence } = sequence
  const { stop: stopCamera } = camera
  const { close: closeRobot, session: robotSession } = robot

  const switchTo = useCallback(
    (next: ActiveSource) => {
      if (next !== 'sequence') closeSequence()
      if (next !== 'webcam') stopCamera()
      if (next !== 'robot' && robotSession) closeRobot()
      setActive(next)
    },
    [closeSequence, stopCamera, closeRobot, robotSession],
  )

  return {
    // A folder that could not be paired leaves no sequence (a closed robot source none): single-frame behaviour again.
    active:
      (active === 'sequence' && !sequence.view) || (active === 'robot' && !robot.session)
        ? 'frame'
        : active,
    sequence,
    camera,
    loadSample: () => {
      switchTo('frame')
      void loadSample(perception)
    },
    openFrame: (files) => {
      switchTo('frame')
      void load(files.color.name, () => rgbdFrameFromFiles(files), perception)
    },
    openPcd: (file) => {
      switchTo('frame')
      void load(file.name, () => pcdFrameFromFile(file), perception)
    },
    openFolder: (files) => {
      switchTo('sequence')
      sequence.open(files)
    },
    startWebcam: () => {
      switchTo('webcam')
      void camera.start()
    },
    startRobot: (choice, logging) => {
      switchTo('robot')
      void robot.select(choice, perception, logging)
    },
    togglePlayback: () => togglePlayback(active, sequence, camera, robot),
    closeSource: () => switchTo('frame'),
  }
}

/** What Space does: play/pause the sequence or the recording, start/stop the webcam. */
function togglePlayback(
  active: ActiveSource,
  sequence: SequencePlayer,
  camera: LiveCamera,
  robot: RobotSource,
): void {
  if (active === 'sequence') sequence.togglePlay()
  else if (active === 'webcam') void (camera.status === 'off' ? camera.start() : camera.stop())
  else if (active === 'robot' && robot.session?.timeRange) robot.setPlaying(!robot.isPlaying)
}
