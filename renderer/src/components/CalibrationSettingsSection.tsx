import { useState } from 'react'
import type {
  CalibrationJson,
  CalibrationRunResult,
} from '../../../main/contract/calibrationChannelSchema'
import { useClient, usePopovers } from '../state/AppContext'
import type { CalibrationTarget } from '../state/calibrationTarget'
import { useCalibrations } from '../state/useCalibrations'
import { formatClockTime } from '../format'
import { calibrationMethodInput, canCalibrate, type CalibrationMethod } from './calibrationMethod'
import { DepthModelSelect, MethodChoice } from './CalibrationMethodChoice'

type Method = CalibrationMethod

type Status =
  | { kind: 'busy' }
  | { kind: 'done'; result: CalibrationRunResult }
  | { kind: 'error'; message: string }
  | null

const METHOD_NAMES: Record<CalibrationJson['method'], string> = {
  'rgbd-frame': 'RGB-D frame',
  'known-distance': 'known distance',
  'known-size': 'known size',
}

/**
 * Depth calibration (Settings → Depth): the saved calibrations, and fitting the chosen depth model
 * to metres for the current frame's camera, from the frame's sensor depth or a measured length
 * whose true value the user types. Frames from that camera then use it (colour-only, live).
 */
export function CalibrationSettingsSection({ target }: { target: CalibrationTarget | null }) {
  const calibrations = useCalibrations(useClient())
  return (
    <div className="settings-section" role="tabpanel" aria-label="Depth">
      <p className="popover-note">
        A calibration maps one depth model&apos;s output to metres for one camera. Colour-only
        frames and the live camera use it when that model predicts their depth.
      </p>
      <CalibrationTable state={calibrations} />
      {target ? (
        <CalibrateForm key={target.sceneId} target={target} state={calibrations} />
      ) : (
        <p className="empty">Open a frame to calibrate its camera.</p>
      )}
    </div>
  )
}

function CalibrationTable({ state }: { state: ReturnType<typeof useCalibrations> }) {
  const [removeError, setRemoveError] = useState<string | null>(null)
  if (state.loadError)
    return <p className="field-error">Could not read the calibrations: {state.loadError}</p>
  if (!state.calibrations) return <p className="empty">Reading the calibrations…</p>
  return (
    <>
      {state.calibrations.length === 0 ? (
        <p className="empty">No calibrations saved.</p>
      ) : (
        <table className="data-table calibration-table" aria-label="Saved calibrations">
          <thead>
            <tr>
              <th>Camera · model</th>
              <th>Fit</th>
              <th>Error</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {state.calibrations.map((c) => (
              <CalibrationRow
                key={`${c.cameraId}/${c.modelId}`}
                calibration={c}
                onRemove={() => {
                  setRemoveError(null)
                  state
                    .remove(c.cameraId, c.modelId)
                    .catch((error: Error) => setRemoveError(error.message))
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {state.problems.map((problem) => (
        <p key={problem.path} className="field-error">
          {problem.path}: {problem.message}
        </p>
      ))}
      {removeError && (
        <p className="field-error" role="alert">
          {removeError}
        </p>
      )}
    </>
  )
}

function CalibrationRow({
  calibration: c,
  onRemove,
}: {
  calibration: CalibrationJson
  onRemove(): void
}) {
  return (
    <tr title={c.note ?? undefined}>
      <td>
        <span className="mono">{c.cameraId}</span>
        <small className="mono">{c.modelId}</small>
      </td>
      <td>
        {describeFit(c)}
        <small>
          {METHOD_NAMES[c.method]} · {formatClockTime(c.createdAt)}
        </small>
      </td>
      <td>{c.residualRel === null ? '—' : `${(c.residualRel * 100).toFixed(1)} %`}</td>
      <td>
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Remove the calibration of ${c.modelId} for ${c.cameraId}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </td>
    </tr>
  )
}

function NoDepthModel({ onOpenModels }: { onOpenModels(): void }) {
  return (
    <p className="empty">
      No depth model is installed, so there is nothing to calibrate.{' '}
      <button type="button" className="link-button" onClick={onOpenModels}>
        Open Models
      </button>
    </p>
  )
}

function CalibrateForm({
  target,
  state,
}: {
  target: CalibrationTarget
  state: ReturnType<typeof useCalibrations>
}) {
  const { open } = usePopovers()
  const [chosenModel, setChosenModel] = useState<string | null>(null)
  const modelId = chosenModel ?? target.depthModelId ?? state.depthModels[0] ?? ''
  const [chosenMethod, setChosenMethod] = useState<Method | null>(null)
  const method = chosenMethod ?? (target.depthModelId === null ? 'rgbd-frame' : 'known-distance')
  const [trueLength, setTrueLength] = useState('')
  const [status, setStatus] = useState<Status>(null)
  const trueLengthM = Number(trueLength)
  const canRun = canCalibrate(modelId, status?.kind === 'busy', method, target, trueLengthM)

  if (state.depthModels.length === 0) return <NoDepthModel onOpenModels={() => open('models')} />
  const calibrate = () => {
    setStatus({ kind: 'busy' })
    const input = calibrationMethodInput(method, target.lastMeasurement, trueLengthM)
    state
      .run({ sceneId: target.sceneId, modelId, method: input })
      .then((result) => setStatus({ kind: 'done', result }))
      .catch((error: Error) => setStatus({ kind: 'error', message: error.message }))
  }
  return (
    <fieldset className="field calibrate-form">
      <legend>
        Calibrate camera <span className="mono">{target.cameraId}</span>
      </legend>
      <DepthModelSelect models={state.depthModels} value={modelId} onChange={setChosenModel} />
      <MethodChoice
        target={target}
        method={method}
        onMethod={setChosenMethod}
        trueLength={trueLength}
        onTrueLength={setTrueLength}
      />
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button button-primary"
          disabled={!canRun}
          onClick={calibrate}
        >
          {status?.kind === 'busy' ? 'Calibrating…' : 'Calibrate'}
        </button>
      </div>
      {status && <CalibrationStatus status={status} />}
    </fieldset>
  )
}

function CalibrationStatus({ status }: { status: NonNullable<Status> }) {
  if (status.kind === 'busy')
    return <p className="llm-status llm-status-busy">Running the depth model…</p>
  if (status.kind === 'error')
    return (
      <p className="llm-status llm-status-error" role="alert">
        {status.message}
      </p>
    )
  const { calibration, warnings, modelRun } = status.result
  return (
    <div className="llm-status llm-status-ok" role="status">
      Saved for camera {calibration.cameraId} and {calibration.modelId}: {describeFit(calibration)},
      error{' '}
      {calibration.residualRel === null
        ? 'not measurable'
        : `${(calibration.residualRel * 100).toFixed(1)} %`}{' '}
      ({modelRun.provider}, {Math.round(modelRun.inferenceMs)} ms).
      {warnings.map((warning) => (
        <p key={warning} className="calibration-warning">
          Warning: {warning}
        </p>
      ))}
    </div>
  )
}

/** "z = 0.5000 · model + 0.002 m" (or 1/z for inverse-depth fits). */
function describeFit(c: CalibrationJson): string {
  const shift = c.space === 'depth' ? `${c.shift.toFixed(3)} m` : `${c.shift.toFixed(4)} /m`
  return `${c.space === 'depth' ? 'z' : '1/z'} = ${c.scale.toPrecision(4)} · model ${c.shift < 0 ? '−' : '+'} ${shift.replace('-', '')}`
}
