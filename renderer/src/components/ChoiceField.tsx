import type { ReactNode } from 'react'

/** One radio choice: its value, its label and a short detail shown after the label. */
export interface Choice<T extends string> {
  value: T
  label: string
  detail: string
  /** This choice alone cannot be taken now (the detail says why). */
  disabled?: boolean
}

export interface ChoiceFieldProps<T extends string> {
  legend: string
  /** The radio inputs' form name. */
  name: string
  choices: readonly Choice<T>[]
  value: T
  disabled?: boolean
  onChoose(value: T): void
  /** Shown inside the group after the choices (an input a choice enables, a hint). */
  children?: ReactNode
}

/** A settings field of radio choices under a legend, each labelled "label <small>detail</small>". */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  return (
    <fieldset className="field choice-group">
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            checked={props.value === choice.value}
            disabled={props.disabled || choice.disabled}
            onChange={() => props.onChoose(choice.value)}
          />
          <span>
            {choice.label} <small>{choice.detail}</small>
          </span>
        </label>
      ))}
      {props.children}
    </fieldset>
  )
}
