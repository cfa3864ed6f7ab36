import type { CalibrationTarget } from '../state/calibrationTarget'
import { useUnits } from '../state/AppContext'
import { formatLength } from '../format'
import type { CalibrationMethod } from './calibrationMethod'
import { ChoiceField } from './ChoiceField'

/** The installed depth model to calibrate. */
export function DepthModelSelect(props: {
  models: string[]
  value: string
  onChange(modelId: string): void
}) {
  return (
    <label className="field">
      <span>Depth model</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.models.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Where the metres come from: the frame's sensor depth, or the last measurement and its true length. */
export function MethodChoice(props: {
  target: CalibrationTarget
  method: CalibrationMethod
  onMethod(method: CalibrationMethod): void
  trueLength: string
  onTrueLength(trueLength: string): void
}) {
  const units = useUnits()
  const { target, method } = props
  const hasSensorDepth = target.depthModelId === null
  const measured = target.lastMeasurement
  return (
    <ChoiceField<CalibrationMethod>
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
      onChoose={props.onMethod}
    >
      {method === 'known-distance' && measured && (
        <label className="field">
          <span>True length (metres)</span>
          <input
            type="number"
            min="0"
            step="0.001"
            inputMode="decimal"
            value={props.trueLength}
            placeholder="e.g. 0.500"
            onChange={(event) => props.onTrueLength(event.target.value)}
          />
        </label>
      )}
    </ChoiceField>
  )
}
