import { useState } from 'react'
import type { UnitSystem } from '../../../main/contract/settingsSchema'
import { useAppSettingsContext } from '../state/AppContext'
import { ChoiceField, type Choice } from './ChoiceField'

const UNITS: Choice<UnitSystem>[] = [
  { value: 'metric', label: 'Metric', detail: '42 cm · 1.2 m' },
  { value: 'imperial', label: 'Imperial', detail: '16.5 in · 3.94 ft' },
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
      <ChoiceField
        legend="Units"
        name="units"
        choices={UNITS}
        value={units}
        disabled={!settings}
        onChoose={(choice) => {
          setError(null)
          setPending(choice)
          update({ units: choice })
            .catch((failure: Error) => setError(failure.message))
            .finally(() => setPending(null))
        }}
      />
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
