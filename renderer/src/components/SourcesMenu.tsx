import { useId, useRef, type ReactNode } from 'react'
import { keyLabel } from '../state/shortcuts'

export interface SourcesMenuProps {
  isOpen: boolean
  onToggle(): void
  onClose(): void
  onLoadSample(): void
  /** Opens the RGB-D frame form (colour, depth, intrinsics). */
  onOpenFrameForm(): void
  onOpenPcd(file: File): void
  onOpenFolder(files: File[]): void
  onStartWebcam(): void
  /** Opens the robot source dialog (MCAP recording or rosbridge). */
  onOpenRobotSource(): void
}

interface SourceItem {
  label: string
  detail: string
  shortcut?: string
  icon: ReactNode
  onSelect(): void
}

/**
 * The "Sources" menu: every way to get a scene — the sample, one RGB-D frame, a PCD cloud, a folder
 * played as a sequence, the live webcam. The file pickers stay mounted when the menu closes (their
 * dialogs outlive it).
 */
export function SourcesMenu(props: SourcesMenuProps) {
  const idPrefix = useId()
  const pcdInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const choose = (action: () => void) => () => {
    props.onClose()
    action()
  }
  const items: SourceItem[] = [
    {
      label: 'Sample scene',
      detail: 'PCL Kinect frame: a laptop and a box',
      shortcut: 'S',
      icon: <SampleIcon />,
      onSelect: choose(props.onLoadSample),
    },
    {
      label: 'RGB-D frame…',
      detail: 'Colour, depth PNG and intrinsics; depth optional',
      shortcut: 'O',
      icon: <FrameIcon />,
      onSelect: choose(props.onOpenFrameForm),
    },
    {
      label: 'Point cloud (PCD)…',
      detail: 'Organized PCD: ascii, binary or compressed',
      icon: <CloudIcon />,
      onSelect: choose(() => pcdInput.current?.click()),
    },
    {
      label: 'Folder as sequence…',
      detail: 'Colour and depth frames paired by name, one intrinsics JSON',
      icon: <FolderIcon />,
      onSelect: choose(() => folderInput.current?.click()),
    },
    {
      label: 'Live webcam',
      detail: 'Camera frames; 3D with a depth model, else 2D detections',
      icon: <CameraIcon />,
      onSelect: choose(props.onStartWebcam),
    },
    {
      label: 'Robot source…',
      detail: 'ROS 2 / MCAP recording or a live robot through rosbridge; topics, timeline, TF',
      icon: <RobotIcon />,
      onSelect: choose(props.onOpenRobotSource),
    },
  ]
  return (
    <div className="sources">
      <button
        type="button"
        className="button button-icon"
        aria-expanded={props.isOpen}
        aria-haspopup="true"
        onClick={props.onToggle}
      >
        <LayersIcon />
        Sources
      </button>
      {props.isOpen && (
        <div className="popover sources-menu" role="group" aria-label="Sources">
          <h2>Open a source</h2>
          <ul>
            {items.map((item, index) => (
              <li key={item.label}>
                <button
                  type="button"
                  className="source-item"
                  aria-label={item.label}
                  aria-describedby={`${idPrefix}-${index}`}
                  onClick={item.onSelect}
                >
                  <span className="source-icon">{item.icon}</span>
                  <span className="source-text">
                    <span className="source-label">{item.label}</span>
                    <small className="source-detail" id={`${idPrefix}-${index}`}>
                      {item.detail}
                    </small>
                  </span>
                  {item.shortcut && <kbd aria-hidden="true">{keyLabel(item.shortcut)}</kbd>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <input
        ref={pcdInput}
        type="file"
        name="pcd"
        accept=".pcd"
        hidden
        aria-label="PCD file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) props.onOpenPcd(file)
        }}
      />
      <input
        ref={folderInput}
        type="file"
        name="folder"
        hidden
        multiple
        aria-label="Sequence folder"
        // React does not know the attribute; browsers pick a folder with it.
        {...{ webkitdirectory: '' }}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          event.target.value = ''
          if (files.length > 0) props.onOpenFolder(files)
        }}
      />
    </div>
  )
}

const iconProps = {
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
} as const

function LayersIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2 11.5 8 14l6-2.5M2 8l6 2.5L14 8M8 2 2 4.5 8 7l6-2.5z" />
    </svg>
  )
}

function SampleIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 1.5 14 4.5v7L8 14.5 2 11.5v-7zM2 4.5l6 3 6-3M8 7.5v7" />
    </svg>
  )
}

function FrameIcon() {
  return (
    <svg {...iconProps}>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="m1.5 11 4-4 3 3 2-2 4 4" />
    </svg>
  )
}

function CloudIcon() {
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

function FolderIcon() {
  return (
    <svg {...iconProps}>
      <path d="M1.5 4V12.5a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1V5.5a1 1 0 0 0-1-1H8L6.5 2.5h-4a1 1 0 0 0-1 1z" />
    </svg>
  )
}

function RobotIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2.5 13.5h5M5 13.5V9l4-3.5 3 2M9 5.5l1-2.5M12 7.5l1.5 1" />
      <circle cx="9" cy="5.5" r="1" />
    </svg>
  )
}

function CameraIcon() {
  return (
    <svg {...iconProps}>
      <rect x="1.5" y="4" width="9.5" height="8" rx="1.5" />
      <path d="m11 7 3.5-2v6L11 9" />
    </svg>
  )
}
