/** The CLI's help text (`npx spatial-lens --help`): every command with its flags. */
export const USAGE = `Spatial Lens — metric spatial reasoning over RGB-D frames

Usage:
  spatial-lens scene --rgb C --depth D --intrinsics K.json [--depth-scale S] [--regions R.json] [--json] [--repeat N]
  spatial-lens scene --pcd cloud.pcd [--regions R.json] [--json] [--repeat N]
  spatial-lens scene --rgb photo.jpg --intrinsics K.json            (colour only: metric depth from the installed depth model)
  spatial-lens scene --mcap F.mcap --color-topic T [--depth-topic T] [--camera-info-topic T] [--at SECONDS] [--gripper-frame ID] [--json]
      (one frame of a recording; --at: seconds from its start; its TF frames become things to ask about)
  spatial-lens topics --mcap F.mcap [--json]   (topics with types, message counts and rates)
  spatial-lens ask   (--rgb C --depth D --intrinsics K.json | --pcd cloud.pcd | --mcap F.mcap …) [--regions R.json] [--llm SPEC [--llm-threads N] [--vlm auto|none]] [--log] [--json] "question"
  spatial-lens verify (--rgb C --depth D --intrinsics K.json | --pcd cloud.pcd) [--regions R.json] [--vlm auto|none] [--llm SPEC] [--log] [--json] "statement"
      (SpatialEnsemble: true/false with its confidence, each voter's vote, weight and reason)
      --log: the answer or verdict also goes to the measurement log, as in the app (spatial-lens log list)
  spatial-lens maps (--rgb C [--depth D] --intrinsics K.json | --pcd cloud.pcd) [--regions R.json] --out DIR [--json]
      (Spatial-ViLT's auxiliary maps: 16-bit depth mm PNG, world coordinates .npy, Canny edges, object masks, maps.json)
  spatial-lens eval vsr --split random|zeroshot [--images DIR] [--boxes FILE] [--save FILE] [--json]   (VSR relation verification)
  spatial-lens calibrate --camera ID --depth-model <id> --rgb C --intrinsics K.json [--json]   (spatial-lens calibrate --help)
      (--depth D | --known-distance "u1,v1,u2,v2,metres"... | --known-size "x0,y0,x1,y1,width|height,metres")
  spatial-lens serve [--port P] [--host H] [--allow-host NAME]... [--allow-origin ORIGIN]... [--recordings DIR] [limits]
      --recordings DIR: the UI may open the .mcap recordings under DIR (and only those)
      limits: --max-message-mb 64 --max-in-flight-mb 128 --max-requests-in-flight 32 --max-connections 8
              --scenes-per-client 16   (defaults shown; README "Security and limits")
  spatial-lens eval cot --llm SPEC [--llm-threads N] [--limit N] [--json]   (chain-of-thought evaluation, 43 questions)
  spatial-lens eval scenes [--datasets LIST] [--no-open3d] [--json]   (3D box accuracy vs Open3D; npm run eval)
  spatial-lens models list|download <id...>|--all|verify [id]|remove <id>|info <id> [--json]   (spatial-lens models help)
  spatial-lens log list [--json] | export --format csv|jsonl|mcap --out FILE | clear --yes   (measurement log; spatial-lens log help)
  spatial-lens synth INPUT... --out DIR [--seed N] [--workers N] [--with-points]   (spatial VQA dataset; spatial-lens synth --help)
  spatial-lens watch (--rosbridge ws://host:9090 --color-topic T --depth-topic T --info-topic T | --rgb-dir DIR --intrinsics K.json)
      "distance between the mug and the bottle" [--csv out.csv] [--record out.mcap] [--max-frames N]   (spatial-lens watch --help)

Perception (scene and ask):
  --detector nanodet|owlv2|none   objects from a detector (default nanodet, built in; owlv2 needs --queries "mug,laptop")
  --depth-model auto|none|<id>     monocular depth for colour-only frames (auto: the first installed metric model)
  --segmenter auto|none|<id>       SAM-family masks for detector boxes when installed (auto)
  --provider cpu|webgpu|cuda       execution provider for the models (default: the best available)
  --camera ID                      camera id for per-camera depth calibrations (default: file; see calibrate)
  --vlm-names                      name geometry-only objects with the installed vision-language model (slow on a CPU)

LLM (ask, verify, eval): --llm ollama:<model> | ollama:http://host:port#<model> | openai:http://host:port/v1#<model> |
  openai:<model> (key: SPATIAL_LENS_LLM_API_KEY or OPENAI_API_KEY) | llama:<model id> | llama:/path/model.gguf
  (llama: runs in-process; install its runtime once with \`npm run setup:llm\`; --llm-threads sets its CPU threads)
  --vlm auto|none: visual questions (colour, "which one is the red cup") go to the installed vision-language
  model (auto, default; \`npx spatial-lens models download smolvlm-256m-instruct\`); none: never, and the LLM is told so

Regions (R.json, pixels, 0-based): [{"label": "mug", "box": [x0, y0, x1, y1]}, {"label": "cup", "point": [u, v]},
  {"label": "bowl", "mask": "mask.png"}]
Questions: "how far is the mug from the laptop", "is the bottle left of the box", "how tall is the bottle",
  "which is bigger, the mug or the can", "can a 8 cm gripper fit between the mug and the can"`
