import * as prettier from "prettier";
const src = `const tasksUrl = new URL("http://127.0.0.1:40955/api/demo-mcp/tasks/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
await tasks.connect(new StreamableHTTPClientTransport(new URL("http://127.0.0.1:40955/api/demo-mcp/tasks/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
await tasks.connect(new StreamableHTTPClientTransport(new URL("http://127.0.0.1:40955/api/demo-mcp/tasks/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), { requestInit: { headers: {a: 1}}}));
await tasks.connect(new StreamableHTTPClientTransport(tasksUrl, {
  requestInit: { headers: {a: 1}}}));
const tasksUrl2 = new URL(env("MCP_URL_TASKS"));
`;
console.log(await prettier.format(src, { parser: "typescript" }));
