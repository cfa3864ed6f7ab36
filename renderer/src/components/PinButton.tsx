export interface PinButtonProps {
  isPinned: boolean
  onToggle(): void
}

/** The answer cards' Pin toggle: a pinned question is asked again on every new scene. */
export function PinButton({ isPinned, onToggle }: PinButtonProps) {
  return (
    <button
      type="button"
      className="pin-button"
      aria-pressed={isPinned}
      title={
        isPinned ? 'Unpin: stop asking it on new scenes' : 'Pin: ask it again on every new scene'
      }
      onClick={onToggle}
    >
      <PinIcon />
      {isPinned ? 'Pinned' : 'Pin'}
    </button>
  )
}

export function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="pin-icon">
      <path
        d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7V14L8 15l-.7-1V9.5H4V8l2.6-2.3z"
        fill="currentColor"
      />
    </svg>
  )
}
