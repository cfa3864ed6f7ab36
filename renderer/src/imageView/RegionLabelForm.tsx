import { useState, type FormEvent } from 'react'

export interface RegionLabelFormProps {
  /** Where to show it, in view pixels (its top-left corner; kept inside the view by the caller). */
  left: number
  top: number
  kind: 'point' | 'box'
  onSubmit(label: string): void
  onCancel(): void
}

/**
 * The inline form that names a region the user just clicked or drew: Enter adds it, Esc cancels.
 * It takes the focus when it opens, so the keyboard goes straight to the label.
 */
export function RegionLabelForm({ left, top, kind, onSubmit, onCancel }: RegionLabelFormProps) {
  const [label, setLabel] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (label.trim()) onSubmit(label.trim())
  }
  return (
    <form
      className="region-form"
      aria-label="Label the region"
      style={{ left, top }}
      onSubmit={submit}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <input
        name="region-label"
        aria-label="Region label"
        placeholder={kind === 'box' ? 'What is in the box? e.g. mug' : 'What is here? e.g. mug'}
        value={label}
        maxLength={80}
        autoFocus
        onChange={(event) => setLabel(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onCancel()
          }
        }}
      />
      <span className="region-form-hint">Enter to add · Esc to cancel</span>
    </form>
  )
}
