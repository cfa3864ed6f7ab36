import { useState } from 'react'
import type { AppSettings, LlmTestResult } from '../../../main/contract/settingsSchema'
import { useAppSettingsContext } from '../state/AppContext'
import { ApiKeyField, FormActions, LimitFields, LlmSpecField } from './LlmFormFields'
import { isLlmFormDirty, parseLimits } from './llmFormRules'

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
  /** Runs a request, showing `busy` meanwhile, then the status it ends with (or its error). */
  const report = async (work: () => Promise<Status>, busy?: string) => {
    if (busy) setStatus({ kind: 'busy', text: busy })
    try {
      setStatus(await work())
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message })
    }
  }
  const withKey = apiKey ? { apiKey } : {}

  const save = async () => {
    if (typeof limits === 'string') return setStatus({ kind: 'error', text: limits })
    await report(async () => {
      await update({ llm: { spec: spec.trim(), ...limits, ...withKey } })
      return { kind: 'ok', text: 'Saved.' }
    }, 'Saving…')
  }
  const removeKey = () =>
    report(async () => {
      await update({ llm: { apiKey: null } })
      return { kind: 'ok', text: 'The stored key was removed.' }
    })
  const test = () =>
    report(async () => {
      const result: LlmTestResult = await testLlm({ spec: spec.trim(), ...withKey })
      return { kind: result.isOk ? 'ok' : 'error', text: result.message }
    }, 'Testing the connection…')

  return (
    <>
      <LlmSpecField spec={spec} onChange={setSpec} onEnter={() => void save()} />
      <ApiKeyField
        apiKey={apiKey}
        stored={settings.llm.apiKey}
        onChange={setApiKey}
        onRemove={() => void removeKey()}
      />
      <LimitFields
        maxSteps={maxSteps}
        timeLimitS={timeLimitS}
        onMaxSteps={setMaxSteps}
        onTimeLimitS={setTimeLimitS}
      />
      {settings.problem && <p className="field-error">{settings.problem}</p>}
      {status && <StatusLine status={status} />}
      <FormActions
        canTest={spec.trim() !== ''}
        canSave={isLlmFormDirty({ spec, apiKey, maxSteps, timeLimitS }, settings.llm)}
        onTest={() => void test()}
        onSave={() => void save()}
      />
      <small className="field-hint">Kept by the service in {settings.path}</small>
    </>
  )
}

function StatusLine({ status }: { status: NonNullable<Status> }) {
  return (
    <p
      className={`llm-status llm-status-${status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
    >
      {status.text}
    </p>
  )
}
