// Test support: configs as their public documentation shows them (placeholders as written there),
// for the import tests. Each names the page it follows.

/** Claude Desktop, modelcontextprotocol.io "For Claude Desktop users" quickstart. */
export const CLAUDE_DESKTOP = `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/username/Desktop",
        "/Users/username/Downloads"
      ]
    }
  }
}`;

/** Cursor, cursor.com/docs "Model Context Protocol": a stdio server with env, a remote one. */
export const CURSOR = `{
  "mcpServers": {
    "server-name": {
      "command": "npx",
      "args": ["-y", "mcp-server"],
      "env": {
        "API_KEY": "value"
      }
    },
    "my-api-server": {
      "url": "https://api.example.com/mcp",
      "headers": {
        "Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
        "X-Client-ID": "<CLIENT_ID>"
      }
    }
  }
}`;

/** VS Code, code.visualstudio.com/docs/copilot/reference/mcp-configuration: inputs + http. */
export const VS_CODE = `{
  "inputs": [
    {
      "type": "promptString",
      "id": "api-token",
      "description": "API token",
      "password": true
    }
  ],
  "servers": {
    "github": {
      "type": "http",
      "url": "https://api.githubcopilot.com/mcp/"
    },
    "my-api": {
      "type": "http",
      "url": "https://api.example.com/mcp",
      "headers": { "Authorization": "Bearer \${input:api-token}" }
    },
    "legacy-sse": {
      "type": "sse",
      "url": "http://localhost:3000/sse"
    },
    "fetch": {
      "type": "stdio",
      "command": "uvx",
      "args": ["mcp-server-fetch"]
    }
  }
}`;

/** VS Code user settings.json, the older "mcp" section (vscode-docs, MCP servers). */
export const VS_CODE_SETTINGS = `{
  "mcp": {
    "servers": {
      "teradata-http": {
        "type": "http",
        "url": "http://127.0.0.1:8001/mcp/",
        "headers": { "Authorization": "Bearer JWT_Token" }
      }
    }
  }
}`;

/** Claude Code, docs.claude.com "Connect Claude Code to tools via MCP": .mcp.json expansion. */
export const CLAUDE_CODE = `{
  "mcpServers": {
    "api-server": {
      "type": "http",
      "url": "\${API_BASE_URL:-https://api.example.com}/mcp",
      "headers": {
        "Authorization": "Bearer \${API_KEY}"
      }
    }
  }
}`;

/** OpenAI, developers.openai.com "Remote MCP": the docs server, approval skipped. */
export const OPENAI_REQUEST = `{
  "model": "gpt-5",
  "tools": [
    {
      "type": "mcp",
      "server_label": "openai_docs",
      "server_description": "Search and read the public OpenAI documentation.",
      "server_url": "https://developers.openai.com/mcp",
      "require_approval": "never"
    }
  ],
  "input": "Search the OpenAI docs for Responses API streaming and return the relevant links."
}`;

/** OpenAI "Remote MCP": allowed_tools as a list, an OAuth token, approvals, a connector. */
export const OPENAI_TOOLS = `[
  {
    "type": "mcp",
    "server_label": "dmcp",
    "server_description": "A Dungeons and Dragons MCP server to assist with dice rolling.",
    "server_url": "https://dmcp-server.deno.dev/sse",
    "require_approval": "never",
    "allowed_tools": ["roll"]
  },
  {
    "type": "mcp",
    "server_label": "stripe",
    "server_url": "https://mcp.stripe.com",
    "authorization": "$STRIPE_OAUTH_ACCESS_TOKEN",
    "require_approval": { "always": { "tool_names": ["create_payment_link"] } }
  },
  {
    "type": "mcp",
    "server_label": "Dropbox",
    "connector_id": "connector_dropbox",
    "authorization": "<oauth access token>",
    "require_approval": "never"
  },
  {
    "type": "mcp",
    "server_label": "deepwiki",
    "server_url": "https://mcp.deepwiki.com/mcp",
    "allowed_tools": { "read_only": true },
    "headers": { "Authorization": "Bearer deepwiki-token", "X-Team": "docs" }
  },
  { "type": "web_search" }
]`;
