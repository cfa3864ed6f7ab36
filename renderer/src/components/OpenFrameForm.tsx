import type { FormEvent } from 'react'
import { pickedFile, type RgbdFiles } from '../state/frameFiles'
import { browserStorage } from '../state/perceptionSettingsStorage'
import { readStoredJson, writeStoredJson } from '../state/storedJson'

/** localStorage key of the camera name last typed here (frames of one camera usually come one by one). */
export const OPEN_FRAME_CAMERA_KEY = 'spatial-lens.open-frame-camera'

export interface OpenFrameFormProps {
  onSubmit(files: RgbdFiles): void
  onCancel(): void
}

/**
 * "Open frame…": colour image, 16-bit depth PNG (optional: without it the frame is colour-only and
 * depth comes from the installed depth model), intrinsics JSON, an optional depth scale and the
 * camera's name (depth calibrations belong to a camera; remembered for the next frame).
 */
export function OpenFrameForm({ onSubmit, onCancel }: OpenFrameFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const scaleText = String(data.get('depthScale') ?? '').trim()
    const camera = String(data.get('camera') ?? '').trim()
    writeStoredJson(browserStorage(), OPEN_FRAME_CAMERA_KEY, camera)
    onSubmit({
      color: data.get('color') as File,
      depth: pickedFile(data.get('depth')),
      intrinsics: data.get('intrinsics') as File,
      depthScale: scaleText ? Number(scaleText) : null,
      ...(camera ? { cameraId: camera } : {}),
    })
  }
  const lastCamera = readStoredJson(browserStorage(), OPEN_FRAME_CAMERA_KEY)
  return (
    <form className="open-frame" aria-label="Open frame" onSubmit={submit}>
      <h2>Open a frame (RGB-D or colour-only)</h2>
      <label className="field">
        <span>Colour image (PNG or JPEG)</span>
        <input type="file" name="color" accept="image/png,image/jpeg" required />
      </label>
      <label className="field">
        <span>Depth image (16-bit PNG, registered to the colour image; optional)</span>
        <input type="file" name="depth" accept="image/png" aria-describedby="depth-hint" />
        <small id="depth-hint" className="field-hint">
          Leave empty for a colour-only frame: needs a depth model, see Settings.
        </small>
      </label>
      <label className="field">
        <span>Intrinsics (JSON: width, height, fx, fy, cx, cy)</span>
        <input type="file" name="intrinsics" accept=".json,application/json" required />
      </label>
      <ScaleAndCameraFields lastCamera={typeof lastCamera === 'string' ? lastCamera : ''} />
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Analyze
        </button>
      </div>
    </form>
  )
}

/** The optional depth scale and camera name (the camera last typed comes back as the default). */
function ScaleAndCameraFields({ lastCamera }: { lastCamera: string }) {
  return (
    <>
      <label className="field">
        <span>Depth scale, units per metre (optional; 1000 = millimetres)</span>
        <input
          type="number"
          name="depthScale"
          min="0"
          step="any"
          placeholder="from the intrinsics file, else 1000"
        />
      </label>
      <label className="field">
        <span>Camera (optional; depth calibrations belong to a camera)</span>
        <input
          type="text"
          name="camera"
          maxLength={200}
          defaultValue={lastCamera}
          placeholder="the colour file's name"
        />
      </label>
    </>
  )
}
