import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { parseQueries } from '../state/perceptionSettingsStorage'
import { ChoiceField, type Choice } from './ChoiceField'
import { CommitInput } from './CommitInput'
import { depthChoiceLabel, depthChoicesFor, parseMinScore } from './perceptionFieldRules'

export interface PerceptionSettingsProps {
  settings: PerceptionSettings
  onChange(change: Partial<PerceptionSettings>): void
}

const DETECTORS: Choice<PerceptionSettings['detector']>[] = [
  { value: 'nanodet', label: 'Built-in NanoDet (COCO)', detail: '80 everyday classes, fast' },
  { value: 'owlv2', label: 'Open-vocabulary OWLv2', detail: 'finds the names you type' },
  { value: 'none', label: 'None — geometry only', detail: 'clusters named by colour and size' },
]

const PROVIDERS = [
  { value: 'auto', label: 'Auto (best available)' },
  { value: 'cpu', label: 'CPU' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'cuda', label: 'CUDA' },
] as const
type ProviderChoice = (typeof PROVIDERS)[number]['value']

/** The perception settings: detector (+ OWLv2 names), depth for colour-only frames, provider, min score, VLM names. */
export function PerceptionSettingsSection(props: PerceptionSettingsProps) {
  return (
    <div className="settings-section" role="tabpanel" aria-label="Perception">
      <p className="popover-note">
        Changes re-analyze the frame on screen and are kept in this browser.
      </p>
      <DetectorField {...props} />
      <DepthModelField {...props} />
      <ProviderField {...props} />
      <MinScoreField {...props} />
      <VlmNamesField {...props} />
    </div>
  )
}

/** The detector, with the names OWLv2 looks for (it needs some). */
function DetectorField({ settings, onChange }: PerceptionSettingsProps) {
  const queriesText = settings.queries.join(', ')
  const needsQueries = settings.detector === 'owlv2' && settings.queries.length === 0
  return (
    <ChoiceField
      legend="Detector"
      name="detector"
      choices={DETECTORS}
      value={settings.detector}
      onChoose={(detector) => onChange({ detector })}
    >
      <CommitInput
        key={queriesText}
        type="text"
        name="queries"
        aria-label="Names to look for"
        className="text-input"
        placeholder="names to look for, e.g. mug, laptop, keyboard"
        value={queriesText}
        disabled={settings.detector !== 'owlv2'}
        onCommit={(text) => onChange({ queries: parseQueries(text) })}
      />
      {needsQueries && (
        <small className="field-hint field-hint-warning">
          Type the names to look for (comma-separated), then press Enter.
        </small>
      )}
    </ChoiceField>
  )
}

function DepthModelField({ settings, onChange }: PerceptionSettingsProps) {
  return (
    <label className="field">
      <span>Depth for colour-only frames</span>
      <select
        name="depthModel"
        value={settings.depthModel}
        onChange={(event) => onChange({ depthModel: event.target.value })}
      >
        {depthChoicesFor(settings.depthModel).map((choice) => (
          <option key={choice} value={choice}>
            {depthChoiceLabel(choice)}
          </option>
        ))}
      </select>
      <small className="field-hint">
        Install one in Models (header), or with{' '}
        <code>spatial-lens models download depth-anything-v2-small-metric-indoor</code>
      </small>
    </label>
  )
}

function ProviderField({ settings, onChange }: PerceptionSettingsProps) {
  return (
    <label className="field">
      <span>Execution provider</span>
      <select
        name="provider"
        value={settings.provider ?? 'auto'}
        onChange={(event) => {
          const choice = event.target.value as ProviderChoice
          onChange({ provider: choice === 'auto' ? undefined : choice })
        }}
      >
        {PROVIDERS.map((provider) => (
          <option key={provider.value} value={provider.value}>
            {provider.label}
          </option>
        ))}
      </select>
    </label>
  )
}

function MinScoreField({ settings, onChange }: PerceptionSettingsProps) {
  return (
    <label className="field">
      <span>Minimum detection score (0–1)</span>
      <CommitInput
        key={settings.minScore}
        type="number"
        name="minScore"
        className="text-input"
        min="0"
        max="1"
        step="0.05"
        value={String(settings.minScore)}
        onCommit={(text) => {
          const score = parseMinScore(text)
          if (score !== null) onChange({ minScore: score })
        }}
      />
    </label>
  )
}

function VlmNamesField({ settings, onChange }: PerceptionSettingsProps) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        name="vlmNames"
        checked={settings.vlmNames}
        onChange={(event) => onChange({ vlmNames: event.target.checked })}
      />
      <span>
        Name unlabelled objects with the vision-language model
        <small>
          Asks SmolVLM (Models) for a noun per geometry-only object; one model run each, slow on a
          CPU. Without it installed, the scene says so.
        </small>
      </span>
    </label>
  )
}
