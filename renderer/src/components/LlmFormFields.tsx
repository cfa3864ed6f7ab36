import {
  LLM_STEP_LIMITS,
  LLM_TIME_LIMITS_S,
  type AppSettings,
} from '../../../main/contract/settingsSchema'
import { apiKeyStateText } from './llmFormRules'

/** The LLM spec input (Enter saves), with the forms it takes. */
export function LlmSpecField(props: {
  spec: string
  onChange(spec: string): void
  onEnter(): void
}) {
  return (
    <label className="field">
      <span>LLM</span>
      <input
        className="text-input mono"
        name="llmSpec"
        autoFocus
        spellCheck={false}
        placeholder="none — e.g. ollama:qwen2.5:7b"
        value={props.spec}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') props.onEnter()
        }}
      />
      <small className="field-hint">
        <code>ollama:&lt;model&gt;</code>, <code>openai:http://host:port/v1#&lt;model&gt;</code>{' '}
        (llama.cpp, vLLM, LM Studio) or <code>openai:&lt;model&gt;</code>. Empty: no LLM.
      </small>
    </label>
  )
}

/** The write-only API key input, where the stored key comes from, and Remove for a stored one. */
export function ApiKeyField(props: {
  apiKey: string
  stored: AppSettings['llm']['apiKey']
  onChange(apiKey: string): void
  onRemove(): void
}) {
  const isStored = props.stored.source === 'settings'
  return (
    <label className="field">
      <span>API key</span>
      <input
        className="text-input"
        type="password"
        name="llmApiKey"
        autoComplete="off"
        placeholder={isStored ? 'a key is stored — type to replace it' : 'only for hosted APIs'}
        value={props.apiKey}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <small className="field-hint" data-testid="api-key-state">
        {apiKeyStateText(props.stored)}{' '}
        {isStored && (
          <button type="button" className="link-button" onClick={props.onRemove}>
            Remove key
          </button>
        )}
      </small>
    </label>
  )
}

/** The step and time limits of one question. */
export function LimitFields(props: {
  maxSteps: string
  timeLimitS: string
  onMaxSteps(value: string): void
  onTimeLimitS(value: string): void
}) {
  return (
    <div className="field-row">
      <LimitField
        label="Step limit"
        name="llmMaxSteps"
        limits={LLM_STEP_LIMITS}
        value={props.maxSteps}
        onChange={props.onMaxSteps}
      />
      <LimitField
        label="Time limit (s)"
        name="llmTimeLimit"
        limits={LLM_TIME_LIMITS_S}
        value={props.timeLimitS}
        onChange={props.onTimeLimitS}
      />
    </div>
  )
}

/** Test connection (of what is typed) and Save (once something changed). */
export function FormActions(props: {
  canTest: boolean
  canSave: boolean
  onTest(): void
  onSave(): void
}) {
  return (
    <div className="form-actions form-actions-start">
      <button type="button" className="button" onClick={props.onTest} disabled={!props.canTest}>
        Test connection
      </button>
      <button
        type="button"
        className="button button-primary"
        onClick={props.onSave}
        disabled={!props.canSave}
      >
        Save
      </button>
    </div>
  )
}

/** A whole-number limit input. */
function LimitField(props: {
  label: string
  name: string
  limits: { min: number; max: number }
  value: string
  onChange(value: string): void
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        name={props.name}
        min={props.limits.min}
        max={props.limits.max}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  )
}
