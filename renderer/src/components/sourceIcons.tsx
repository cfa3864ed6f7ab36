/** The Sources menu's line icons (16 px, drawn in the text colour). */
const iconProps = {
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
} as const

export function LayersIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2 11.5 8 14l6-2.5M2 8l6 2.5L14 8M8 2 2 4.5 8 7l6-2.5z" />
    </svg>
  )
}

export function SampleIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 1.5 14 4.5v7L8 14.5 2 11.5v-7zM2 4.5l6 3 6-3M8 7.5v7" />
    </svg>
  )
}

export function FrameIcon() {
  return (
    <svg {...iconProps}>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="m1.5 11 4-4 3 3 2-2 4 4" />
    </svg>
  )
}

export function CloudIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="4" cy="5" r="0.8" />
      <circle cx="8" cy="3.5" r="0.8" />
      <circle cx="12" cy="5.5" r="0.8" />
      <circle cx="5.5" cy="9" r="0.8" />
      <circle cx="10" cy="9.5" r="0.8" />
      <circle cx="7.5" cy="13" r="0.8" />
    </svg>
  )
}

export function FolderIcon() {
  return (
    <svg {...iconProps}>
      <path d="M1.5 4V12.5a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1V5.5a1 1 0 0 0-1-1H8L6.5 2.5h-4a1 1 0 0 0-1 1z" />
    </svg>
  )
}

export function RobotIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2.5 13.5h5M5 13.5V9l4-3.5 3 2M9 5.5l1-2.5M12 7.5l1.5 1" />
      <circle cx="9" cy="5.5" r="1" />
    </svg>
  )
}

export function CameraIcon() {
  return (
    <svg {...iconProps}>
      <rect x="1.5" y="4" width="9.5" height="8" rx="1.5" />
      <path d="m11 7 3.5-2v6L11 9" />
    </svg>
  )
}
