import { useState } from 'react'
import type { UnitSystem } from '../../../main/contract/settingsSchema'
import { useAppSettingsContext } from '../state/AppContext'

const UNITS: { value: UnitSystem; label: string; example: string }[] = [
  { value: 'metric', label: 'Metric', example: '42 cm · 1.2 m' },
  { value: 'imperial', label: 'Imperial', example: '16.5 in · 3.94 ft' },
]

/** Display units. Only what is shown changes: measurements, exports and tools stay in metres. */
export function DisplaySettingsSection() {
  const { settings, update } = useAppSettingsContext()
  const [error, setError] = useState<string | null>(null)
  // The choice shows at once; the service's reply confirms it (or the error puts it back).
  const [pending, setPending] = useState<UnitSystem | null>(null)
  const units = pending ?? settings?.units ?? 'metric'
  return (
    <div className="settings-section" role="tabpanel" aria-label="Display">
      <fieldset className="field choice-group">
        <legend>Units</legend>
        {UNITS.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="units"
              value={choice.value}
              checked={units === choice.value}
              disabled={!settings}
              onChange={() => {
                setError(null)
                setPending(choice.value)
                update({ units: choice.value })
                  .catch((failure: Error) => setError(failure.message))
                  .finally(() => setPending(null))
              }}
            />
            <span>
              {choice.label} <small>{choice.example}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <small className="field-hint">
        Answers, sizes and tool results are shown in these units; values stay in metres inside.
      </small>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
