import { useState } from 'react'
import {
  LLM_STEP_LIMITS,
  LLM_TIME_LIMITS_S,
  type AppSettings,
  type LlmTestResult,
} from '../../../main/contract/settingsSchema'
import { useAppSettingsContext } from '../state/AppContext'

/**
 * The LLM for multi-step questions, kept by the service: the spec, an API key (write-only: the
 * service gives back only where it comes from and its last characters), the step and time limits,
 * and a connection test of what is typed.
 */
export function LlmSettingsSection() {
  const { settings, loadError } = useAppSettingsContext()
  // Held here: the form remounts when the stored settings change, the status must survive it.
  const [status, setStatus] = useState<Status>(null)
  return (
    <div className="settings-section" role="tabpanel" aria-label="Language model">
      <p className="popover-note">
        Answers multi-step questions with the spatial tools. Without one, template questions still
        work.
      </p>
      {settings ? (
        // A fresh form whenever the service's settings change (saved here or elsewhere).
        <LlmForm
          key={JSON.stringify(settings.llm)}
          settings={settings}
          status={status}
          onStatus={setStatus}
        />
      ) : (
        <p className={loadError ? 'field-error' : 'empty'}>
          {loadError ? `Could not load the settings: ${loadError}` : 'Loading the settings…'}
        </p>
      )}
    </div>
  )
}

type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null

interface LlmFormProps {
  settings: AppSettings
  status: Status
  onStatus(status: Status): void
}

function LlmForm({ settings, status, onStatus: setStatus }: LlmFormProps) {
  const { update, testLlm } = useAppSettingsContext()
  const [spec, setSpec] = useState(settings.llm.spec)
  const [apiKey, setApiKey] = useState('')
  const [maxSteps, setMaxSteps] = useState(String(settings.llm.maxSteps))
  const [timeLimitS, setTimeLimitS] = useState(String(settings.llm.timeLimitS))
  const limits = parseLimits(maxSteps, timeLimitS)

  const save = async () => {
    if (typeof limits === 'string') return setStatus({ kind: 'error', text: limits })
    setStatus({ kind: 'busy', text: 'Saving…' })
    try {
      await update({ llm: { spec: spec.trim(), ...limits, ...(apiKey ? { apiKey } : {}) } })
      setStatus({ kind: 'ok', text: 'Saved.' })
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message })
    }
  }
  const removeKey = async () => {
    try {
      await update({ llm: { apiKey: null } })
      setStatus({ kind: 'ok', text: 'The stored key was removed.' })
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message })
    }
  }
  const test = async () => {
    setStatus({ kind: 'busy', text: 'Testing the connection…' })
    try {
      const result: LlmTestResult = await testLlm({
        spec: spec.trim(),
        ...(apiKey ? { apiKey } : {}),
      })
      setStatus({ kind: result.isOk ? 'ok' : 'error', text: result.message })
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message })
    }
  }
  const key = settings.llm.apiKey
  const isDirty =
    spec.trim() !== settings.llm.spec ||
    apiKey !== '' ||
    maxSteps !== String(settings.llm.maxSteps) ||
    timeLimitS !== String(settings.llm.timeLimitS)

  return (
    <>
      <label className="field">
        <span>LLM</span>
        <input
          className="text-input mono"
          name="llmSpec"
          autoFocus
          spellCheck={false}
          placeholder="none — e.g. ollama:qwen2.5:7b"
          value={spec}
          onChange={(event) => setSpec(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void save()
          }}
        />
        <small className="field-hint">
          <code>ollama:&lt;model&gt;</code>, <code>openai:http://host:port/v1#&lt;model&gt;</code>{' '}
          (llama.cpp, vLLM, LM Studio) or <code>openai:&lt;model&gt;</code>. Empty: no LLM.
        </small>
      </label>
      <label className="field">
        <span>API key</span>
        <input
          className="text-input"
          type="password"
          name="llmApiKey"
          autoComplete="off"
          placeholder={
            key.source === 'settings'
              ? 'a key is stored — type to replace it'
              : 'only for hosted APIs'
          }
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
        <small className="field-hint" data-testid="api-key-state">
          {key.source === 'settings'
            ? `Stored by the service${key.hint ? ` (ends in ${key.hint.slice(1)})` : ''}.`
            : key.source === 'environment'
              ? `From the environment (${key.hint}).`
              : 'None stored.'}{' '}
          {key.source === 'settings' && (
            <button type="button" className="link-button" onClick={() => void removeKey()}>
              Remove key
            </button>
          )}
        </small>
      </label>
      <div className="field-row">
        <LimitField
          label="Step limit"
          name="llmMaxSteps"
          limits={LLM_STEP_LIMITS}
          value={maxSteps}
          onChange={setMaxSteps}
        />
        <LimitField
          label="Time limit (s)"
          name="llmTimeLimit"
          limits={LLM_TIME_LIMITS_S}
          value={timeLimitS}
          onChange={setTimeLimitS}
        />
      </div>
      {settings.problem && <p className="field-error">{settings.problem}</p>}
      {status && (
        <p
          className={`llm-status llm-status-${status.kind}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button"
          onClick={() => void test()}
          disabled={!spec.trim()}
        >
          Test connection
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={!isDirty}
        >
          Save
        </button>
      </div>
      <small className="field-hint">Kept by the service in {settings.path}</small>
    </>
  )
}

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

/** The limits as numbers, or what is wrong with them. */
function parseLimits(
  maxSteps: string,
  timeLimitS: string,
): { maxSteps: number; timeLimitS: number } | string {
  const steps = Number(maxSteps)
  const seconds = Number(timeLimitS)
  const inRange = (value: number, limits: { min: number; max: number }) =>
    Number.isInteger(value) && value >= limits.min && value <= limits.max
  if (!maxSteps.trim() || !inRange(steps, LLM_STEP_LIMITS))
    return `Step limit: a whole number from ${LLM_STEP_LIMITS.min} to ${LLM_STEP_LIMITS.max}.`
  if (!timeLimitS.trim() || !inRange(seconds, LLM_TIME_LIMITS_S))
    return `Time limit: whole seconds from ${LLM_TIME_LIMITS_S.min} to ${LLM_TIME_LIMITS_S.max}.`
  return { maxSteps: steps, timeLimitS: seconds }
}
