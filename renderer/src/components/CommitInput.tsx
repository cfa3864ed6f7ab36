import { useState, type InputHTMLAttributes } from 'react'

export interface CommitInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'onKeyDown'
> {
  value: string
  /** Called with the edited text on Enter or when the field loses focus, if it changed. */
  onCommit(text: string): void
}

/**
 * A text or number field whose edits apply on Enter or blur, not per keystroke (each applied change
 * re-analyzes the frame). Escape restores the applied value. Give it `key={value}` so an applied
 * change from elsewhere replaces the draft.
 */
export function CommitInput({ value, onCommit, ...inputProps }: CommitInputProps) {
  const [draft, setDraft] = useState(value)
  const commit = () => {
    if (draft !== value) onCommit(draft)
    // A refused or normalised change shows the applied value again (an accepted one remounts).
    setDraft(value)
  }
  return (
    <input
      {...inputProps}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          commit()
        } else if (event.key === 'Escape' && draft !== value) {
          event.stopPropagation()
          setDraft(value)
        }
      }}
    />
  )
}
