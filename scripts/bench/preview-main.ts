import { formatResult } from "./measure";
import { benchPreview } from "./preview-bench";

console.log(formatResult(benchPreview(), 5));
