import { useState } from 'react'
import type {
  CalibrationJson,
  CalibrationRunResult,
} from '../../../main/contract/calibrationChannelSchema'
import { useClient, usePopovers, useUnits } from '../state/AppContext'
import type { CalibrationTarget } from '../state/calibrationTarget'
import { useCalibrations } from '../state/useCalibrations'
import { formatClockTime, formatLength } from '../format'
import { ChoiceField } from './ChoiceField'

type Method = 'rgbd-frame' | 'known-distance'

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
              <tr key={`${c.cameraId}/${c.modelId}`} title={c.note ?? undefined}>
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
                    onClick={() => {
                      setRemoveError(null)
                      state
                        .remove(c.cameraId, c.modelId)
                        .catch((error: Error) => setRemoveError(error.message))
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
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

function CalibrateForm({
  target,
  state,
}: {
  target: CalibrationTarget
  state: ReturnType<typeof useCalibrations>
}) {
  const units = useUnits()
  const { open } = usePopovers()
  const [chosenModel, setChosenModel] = useState<string | null>(null)
  const modelId = chosenModel ?? target.depthModelId ?? state.depthModels[0] ?? ''
  const hasSensorDepth = target.depthModelId === null
  const [chosenMethod, setChosenMethod] = useState<Method | null>(null)
  const method = chosenMethod ?? (hasSensorDepth ? 'rgbd-frame' : 'known-distance')
  const [trueLength, setTrueLength] = useState('')
  const [status, setStatus] = useState<Status>(null)
  const measured = target.lastMeasurement
  const trueLengthM = Number(trueLength)
  const canRun =
    modelId !== '' &&
    status?.kind !== 'busy' &&
    (method === 'rgbd-frame' ? hasSensorDepth : measured !== null && trueLengthM > 0)

  if (state.depthModels.length === 0) {
    return (
      <p className="empty">
        No depth model is installed, so there is nothing to calibrate.{' '}
        <button type="button" className="link-button" onClick={() => open('models')}>
          Open Models
        </button>
      </p>
    )
  }
  const calibrate = () => {
    setStatus({ kind: 'busy' })
    const input =
      method === 'rgbd-frame'
        ? { kind: 'rgbd-frame' as const }
        : {
            kind: 'known-distance' as const,
            fromInWorld: measured!.fromInWorldM,
            toInWorld: measured!.toInWorldM,
            distanceM: trueLengthM,
          }
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
      <label className="field">
        <span>Depth model</span>
        <select value={modelId} onChange={(event) => setChosenModel(event.target.value)}>
          {state.depthModels.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <ChoiceField<Method>
        legend="Metres from"
        name="calibration-method"
        choices={[
          {
            value: 'rgbd-frame',
            label: "This frame's sensor depth",
            detail: hasSensorDepth
              ? `(${target.frameName})`
              : `(its depth came from ${target.depthModelId})`,
            disabled: !hasSensorDepth,
          },
          {
            value: 'known-distance',
            label: 'A known distance',
            detail: measured
              ? `(the last measurement: ${formatLength(measured.valueM, units)} between two points)`
              : '(measure two points of this frame in Measure mode first: M)',
          },
        ]}
        value={method}
        onChoose={setChosenMethod}
      >
        {method === 'known-distance' && measured && (
          <label className="field">
            <span>True length (metres)</span>
            <input
              type="number"
              min="0"
              step="0.001"
              inputMode="decimal"
              value={trueLength}
              placeholder="e.g. 0.500"
              onChange={(event) => setTrueLength(event.target.value)}
            />
          </label>
        )}
      </ChoiceField>
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
