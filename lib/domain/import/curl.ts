// Reads a curl command as people paste it (from our export, the API docs or other tools): quoted
// words, line continuations, -H/--header, -d/--data/--data-raw/--data-binary (also `--opt=value`),
// and a heredoc body (`--data-binary @- <<EOF … EOF`).
export interface ParsedCurl {
  url: string | null;
  headers: Record<string, string>;
  body: string | null;
}

export type CurlResult = { success: true; data: ParsedCurl } | { success: false; error: string };

const DATA_FLAGS = new Set([
  "-d",
  "--data",
  "--data-raw",
  "--data-binary",
  "--data-ascii",
  "--json",
]);
const HEADER_FLAGS = new Set(["-H", "--header"]);
const FLAGS_WITH_VALUE = new Set([
  "-X",
  "--request",
  "-u",
  "--user",
  "-o",
  "--output",
  "-m",
  "--max-time",
  "--url",
  "-A",
  "--user-agent",
]);

export function parseCurl(command: string): CurlResult {
  const heredoc =
    /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1[^\n]*\n([\s\S]*?)\n\s*\2\s*(?:\n|$)/.exec(command);
  let commandLine = command;
  let heredocBody: string | null = null;
  if (heredoc) {
    // The command is what comes before `<<`; the body is the heredoc.
    commandLine = command.slice(0, heredoc.index);
    // An unquoted heredoc is shell-expanded: undo the escapes our own export adds.
    heredocBody = heredoc[1] ? (heredoc[3] ?? "") : (heredoc[3] ?? "").replace(/\\([\\$`])/g, "$1");
  }
  const words = splitWords(commandLine);
  if (!words.success) return words;
  const list = words.data;
  if (list[0] !== "curl") return { success: false, error: "This does not start with `curl`." };
  const parsed: ParsedCurl = { url: null, headers: {}, body: heredocBody };
  for (let i = 1; i < list.length; i += 1) {
    const word = list[i] ?? "";
    const [flag, inline] =
      word.startsWith("--") && word.includes("=")
        ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
        : [word, undefined];
    const takeValue = () => (inline !== undefined ? inline : list[++i]);
    if (HEADER_FLAGS.has(flag)) {
      const header = takeValue();
      if (header === undefined) return { success: false, error: `${flag} has no value.` };
      const colon = header.indexOf(":");
      if (colon < 0) return { success: false, error: `The header '${header}' has no ':'.` };
      parsed.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (DATA_FLAGS.has(flag)) {
      const value = takeValue();
      if (value === undefined) return { success: false, error: `${flag} has no value.` };
      if (value === "@-") continue; // the body is the heredoc
      if (value.startsWith("@"))
        return {
          success: false,
          error: `The body is read from the file '${value.slice(1)}'; paste its contents instead.`,
        };
      parsed.body = value;
    } else if (FLAGS_WITH_VALUE.has(flag)) {
      const value = takeValue();
      if (flag === "--url" && value) parsed.url = value;
    } else if (!flag.startsWith("-")) {
      parsed.url = flag;
    }
  }
  return { success: true, data: parsed };
}

/** Shell-like word splitting: '…' verbatim, "…" with backslash escapes, \ + newline joins lines. */
function splitWords(
  text: string,
): { success: true; data: string[] } | { success: false; error: string } {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (char === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      i += text[i + 1] === "\r" ? 3 : 2;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
      i += 1;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { success: false, error: "A single quote is not closed." };
      current += text.slice(i + 1, end);
      i = end + 1;
    } else if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length) {
          const next = text[j + 1] ?? "";
          current += '"\\$`\n'.includes(next) ? next : `\\${next}`;
          j += 2;
        } else {
          current += text[j];
          j += 1;
        }
      }
      if (j >= text.length) return { success: false, error: "A double quote is not closed." };
      i = j + 1;
    } else if (char === "\\") {
      current += text[i + 1] ?? "";
      i += 2;
    } else {
      current += char;
      i += 1;
    }
  }
  if (inWord) words.push(current);
  return { success: true, data: words };
}
