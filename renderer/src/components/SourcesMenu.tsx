import { useId, useRef, type ReactNode } from 'react'
import { keyLabel } from '../state/shortcuts'
import {
  CameraIcon,
  CloudIcon,
  FolderIcon,
  FrameIcon,
  LayersIcon,
  RobotIcon,
  SampleIcon,
} from './sourceIcons'

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
  const pcdInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const choose = (action: () => void) => () => {
    props.onClose()
    action()
  }
  const items = sourceItems(props, choose, {
    pickPcd: () => pcdInput.current?.click(),
    pickFolder: () => folderInput.current?.click(),
  })
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
          <SourceItemList items={items} />
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

/** The menu's entries, in order; `choose` closes the menu before the action. */
function sourceItems(
  props: SourcesMenuProps,
  choose: (action: () => void) => () => void,
  pick: { pickPcd(): void; pickFolder(): void },
): SourceItem[] {
  return [
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
      onSelect: choose(pick.pickPcd),
    },
    {
      label: 'Folder as sequence…',
      detail: 'Colour and depth frames paired by name, one intrinsics JSON',
      icon: <FolderIcon />,
      onSelect: choose(pick.pickFolder),
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
}

function SourceItemList({ items }: { items: SourceItem[] }) {
  const idPrefix = useId()
  return (
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
  )
}
