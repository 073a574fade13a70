export function ResponsePane() {
  return (
    <div data-testid="response" className="grid h-full min-h-48 place-items-center">
      <div className="max-w-xs space-y-2 text-center">
        <div
          aria-hidden="true"
          className="mx-auto grid h-10 w-10 place-items-center rounded-full bg-sunken text-lg text-muted"
        >
          ⇢
        </div>
        <p className="text-sm font-medium">No response yet</p>
        <p className="text-xs text-muted">
          The response&apos;s blocks will appear here in order: text,{" "}
          <code className="font-mono">mcp_tool_use</code>,{" "}
          <code className="font-mono">mcp_tool_result</code>. Sending arrives with the built-in
          emulator in the next release; for now, compose and check the request.
        </p>
      </div>
    </div>
  );
}
