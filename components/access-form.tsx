"use client";

import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

const answerSchema = z.object({
  ok: z.boolean(),
  error: z.object({ message: z.string() }).optional(),
});

type Status =
  { kind: "idle" } | { kind: "ok"; message: string } | { kind: "error"; message: string };

/** Sends the access token to /api/access, which answers with the cookie (or with why not). */
export function AccessForm() {
  const [token, setToken] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function call(method: "POST" | "DELETE") {
    try {
      const response = await fetch("/api/access", {
        method,
        headers: { "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ token }) : "{}",
      });
      const answer = answerSchema.safeParse(await response.json().catch(() => null));
      if (response.ok) {
        setToken("");
        setStatus({
          kind: "ok",
          message:
            method === "POST"
              ? "Unlocked: this browser may now send with the server's API key."
              : "Locked again: this browser no longer uses the server's API key.",
        });
      } else {
        setStatus({
          kind: "error",
          message:
            answer.success && answer.data.error
              ? answer.data.error.message
              : `HTTP ${response.status}.`,
        });
      }
    } catch (error) {
      setStatus({
        kind: "error",
        message: `Could not reach the playground's server: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void call("POST");
      }}
    >
      <label htmlFor="access-token" className="block text-sm font-medium">
        Access token
      </label>
      <TextInput
        id="access-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        className="font-mono"
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!token}>
          Unlock
        </Button>
        <Button type="button" variant="secondary" onClick={() => void call("DELETE")}>
          Lock this browser
        </Button>
      </div>
      {status.kind !== "idle" ? (
        <p
          role={status.kind === "error" ? "alert" : "status"}
          data-testid="access-status"
          className={status.kind === "error" ? "text-sm text-danger" : "text-sm text-ok"}
        >
          {status.message}
        </p>
      ) : null}
    </form>
  );
}
