import { formatResult } from "./measure";
import { benchBulkPreview, benchPreview } from "./preview-bench";

console.log(formatResult(benchPreview(), 5));
console.log(formatResult(benchBulkPreview(), 5));
