import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { pairSequenceFiles, type PairedSequence } from '../sources/pairSequenceFiles'
import { rgbdFrameFromFiles } from './frameFiles'
import type { SceneLoader } from './useSceneLoader'
import { toUiError, type UiError } from './uiError'

const FOLDER_HINT =
  'Pick a folder with colour images, 16-bit depth PNGs named alike (rgb/0001.png and depth/0001.png, or 0001_color.png and 0001_depth.png) and one intrinsics JSON.'

export interface OpenSequence {
  folderName: string
  paired: PairedSequence<File>
}

/** Pairs a picked folder's files; null (and the reason in the banner) when they do not pair. */
export function openSequence(
  files: File[],
  reportError: (error: UiError | null) => void,
): OpenSequence | null {
  let paired: PairedSequence<File>
  try {
    paired = pairSequenceFiles(
      files.map((file) => ({ file, path: file.webkitRelativePath || file.name })),
    )
  } catch (error) {
    reportError(
      toUiError(error, {
        title: 'Could not play this folder',
        hint: FOLDER_HINT,
        offersSample: true,
      }),
    )
    return null
  }
  const folderName = files[0]?.webkitRelativePath.split('/')[0] || 'folder'
  return { folderName, paired }
}

/** Sends one frame of the sequence to the loader; resolves to the loader's outcome. */
export function loadSequenceFrame(
  { loader, perception }: { loader: SceneLoader; perception: PerceptionSettings },
  { folderName, paired }: OpenSequence,
  index: number,
): ReturnType<SceneLoader['load']> {
  const frame = paired.frames[index]
  return loader.load(
    frame.name,
    () =>
      rgbdFrameFromFiles({
        color: frame.color,
        depth: frame.depth,
        intrinsics: paired.intrinsics,
        depthScale: null,
        // One camera for the whole folder, so a depth calibration applies to every frame.
        cameraId: folderName,
      }),
    perception,
  )
}
